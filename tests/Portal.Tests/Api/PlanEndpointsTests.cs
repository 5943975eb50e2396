using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WifiBilling.Portal.Contracts;
using WifiBilling.Portal.Contracts.Plans;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>GET /api/plans (what the buy page sells) and the operator's /api/admin/plans, over HTTP, on a real SQLite store.</summary>
public sealed class PlanEndpointsTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = PortalJson.Options;

    private readonly PortalApiFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Plans_for_sale_without_a_router_are_the_active_plans_sold_everywhere_in_sale_order()
    {
        var data = _portal.Data;
        using var client = _portal.CreateClient();
        var router = await data.AddRouterAsync("Cafe", "cafe-1");
        await data.AddPlanAsync("Cafe only", 10, 30, router.Id);
        var inactive = await data.AddPlanAsync("Old", 5, 30);
        await data.Plans.UpdateAsync(inactive.Id, new Billing.Domain.Plans.PlanDefinition("Old", 5, TimeSpan.FromMinutes(30), Active: false), CancellationToken.None);

        var plans = await client.GetFromJsonAsync<List<PlanResponse>>("/api/plans", Json);

        plans!.Select(p => p.Name).Should().Equal("1 Hour", "4 Hours", "24 Hours");
        plans![0].Should().BeEquivalentTo(new PlanResponse("pln_seed_1", "1 Hour", 20, 60, Billing.Domain.Plans.PlanMode.Validity, null, null, 1));
    }

    [Fact]
    public async Task Plans_for_sale_on_a_router_include_its_own_plans_and_not_other_routers()
    {
        var data = _portal.Data;
        using var client = _portal.CreateClient();
        var cafe = await data.AddRouterAsync("Cafe", "cafe-1");
        var hostel = await data.AddRouterAsync("Hostel", "hostel-1");
        await data.AddPlanAsync("Cafe special", 10, 30, cafe.Id);
        await data.AddPlanAsync("Hostel night", 30, 600, hostel.Id);

        var plans = await client.GetFromJsonAsync<List<PlanResponse>>("/api/plans?router=cafe-1", Json);

        plans!.Select(p => p.Name).Should().Contain("Cafe special").And.Contain("1 Hour").And.NotContain("Hostel night");
    }

    [Theory]
    [InlineData("no-such-router")]
    [InlineData("disabled-1")]
    [InlineData("CAFE-1")] // RouterOS identities are matched exactly, as RADIUS matches NAS-Identifier
    public async Task Plans_for_an_unknown_or_disabled_router_are_404_naming_router(string identity)
    {
        var data = _portal.Data;
        await data.AddRouterAsync("Cafe", "cafe-1");
        await data.AddRouterAsync("Shut", "disabled-1", enabled: false);
        using var client = _portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/plans?router=" + identity, UriKind.Relative));

        await response.ShouldBeProblemNamingAsync(HttpStatusCode.NotFound, "router");
    }

    [Fact]
    public async Task Admin_creates_reads_lists_replaces_and_deletes_a_plan()
    {
        var router = await _portal.Data.AddRouterAsync("Cafe", "cafe-1");
        using var admin = _portal.CreateAdminClient();

        using var created = await admin.PostAsJsonAsync("/api/admin/plans", new
        {
            name = " Week ", price = 300, durationMinutes = 10080, mode = "uptime", rateLimit = "2M/5M", dataCapMb = 5000,
            devices = 2, sortOrder = 9, routerIds = new[] { router.Id },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = await created.Content.ReadFromJsonAsync<AdminPlanResponse>(Json);
        created.Headers.Location!.ToString().Should().Be("/api/admin/plans/" + plan!.Id);
        plan.Should().BeEquivalentTo(new
        {
            Name = "Week", Price = 300L, DurationMinutes = 10080L, Mode = Billing.Domain.Plans.PlanMode.Uptime, RateLimit = "2M/5M",
            DataCapMb = 5000L, Devices = 2, Active = true, SortOrder = 9, RouterIds = new[] { router.Id },
        });
        var stored = await _portal.Data.Plans.FindAsync(plan.Id, CancellationToken.None);
        stored!.DataCapBytes.Should().Be(5_000_000_000, "MB are decimal: 1 MB = 1,000,000 bytes");
        stored.Duration.Should().Be(TimeSpan.FromDays(7));

        (await admin.GetFromJsonAsync<AdminPlanResponse>("/api/admin/plans/" + plan.Id, Json)).Should().BeEquivalentTo(plan);

        using var replaced = await admin.PutAsJsonAsync("/api/admin/plans/" + plan.Id, new { name = "Week", price = 250, durationMinutes = 10080, active = false });
        replaced.StatusCode.Should().Be(HttpStatusCode.OK);
        var updated = await replaced.Content.ReadFromJsonAsync<AdminPlanResponse>(Json);
        updated!.Should().BeEquivalentTo(new { Price = 250L, Active = false, Mode = Billing.Domain.Plans.PlanMode.Validity, RateLimit = (string?)null, RouterIds = Array.Empty<string>() },
            "PUT replaces the terms: what is left out takes its default");

        var page = await admin.GetFromJsonAsync<PageResponse<AdminPlanResponse>>("/api/admin/plans", Json);
        page!.Total.Should().Be(4);
        page.Items.Should().ContainSingle(p => p.Id == plan.Id && !p.Active, "the admin list shows plans off sale too");
        using var publicClient = _portal.CreateClient();
        (await publicClient.GetFromJsonAsync<List<PlanResponse>>("/api/plans", Json))!.Should().NotContain(p => p.Id == plan.Id);

        (await admin.DeleteAsync(new Uri("/api/admin/plans/" + plan.Id, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.GetAsync(new Uri("/api/admin/plans/" + plan.Id, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_plan_list_pages_with_offset_and_limit()
    {
        using var admin = _portal.CreateAdminClient();

        var page = await admin.GetFromJsonAsync<PageResponse<AdminPlanResponse>>("/api/admin/plans?offset=1&limit=1", Json);

        page!.Should().BeEquivalentTo(new { Total = 3L, Offset = 1, Limit = 1 });
        page.Items.Should().ContainSingle().Which.Name.Should().Be("4 Hours");
        (await admin.GetAsync(new Uri("/api/admin/plans?limit=0", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"price":20,"durationMinutes":60}""", "name")]
    [InlineData("""{"name":"  ","price":20,"durationMinutes":60}""", "name")]
    [InlineData("""{"name":"A","durationMinutes":60}""", "price")]
    [InlineData("""{"name":"A","price":0,"durationMinutes":60}""", "price")]
    [InlineData("""{"name":"A","price":"twenty","durationMinutes":60}""", "price")]
    [InlineData("""{"name":"A","price":20}""", "durationMinutes")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":0}""", "durationMinutes")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":600000}""", "durationMinutes")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":60,"mode":"weekly"}""", "mode")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":60,"mode":7}""", "mode")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":60,"rateLimit":"fast"}""", "rateLimit")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":60,"dataCapMb":0}""", "dataCapMb")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":60,"devices":65}""", "devices")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":60,"routerIds":["rtr_nope"]}""", "routerIds")]
    [InlineData("""{"name":"A","price":20,"durationMinutes":60,""", "body")]
    [InlineData("", "body")]
    public async Task Bad_plan_is_a_problem_naming_the_field_and_stores_nothing(string json, string field)
    {
        using var admin = _portal.CreateAdminClient();

        using var post = await admin.PostAsync(new Uri("/api/admin/plans", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        using var put = await admin.PutAsync(new Uri("/api/admin/plans/pln_seed_1", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        await post.ShouldBeProblemNamingAsync(HttpStatusCode.BadRequest, field);
        await put.ShouldBeProblemNamingAsync(HttpStatusCode.BadRequest, field);
        (await _portal.Data.Plans.ListAsync(CancellationToken.None)).Should().HaveCount(3);
        (await _portal.Data.Plans.FindAsync("pln_seed_1", CancellationToken.None))!.PriceKes.Should().Be(20);
    }

    [Fact]
    public async Task Unknown_plan_ids_are_404()
    {
        using var admin = _portal.CreateAdminClient();
        var valid = new { name = "A", price = 20, durationMinutes = 60 };

        (await admin.GetAsync(new Uri("/api/admin/plans/pln_nope", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.PutAsJsonAsync("/api/admin/plans/pln_nope", valid)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.DeleteAsync(new Uri("/api/admin/plans/pln_nope", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Plan_routes_refuse_a_caller_without_the_right_key()
    {
        using var anonymous = _portal.CreateClient();
        using var wrong = _portal.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-admin-key-at-all");

        (await anonymous.PostAsJsonAsync("/api/admin/plans", new { name = "Free", price = 1, durationMinutes = 60 })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.DeleteAsync(new Uri("/api/admin/plans/pln_seed_1", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _portal.Data.Plans.ListAsync(CancellationToken.None)).Select(p => p.Name).Should().Equal("1 Hour", "4 Hours", "24 Hours");
    }
}
