using System.Net;
using System.Net.Http.Json;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Portal.Tests.Hotspot.Support;

namespace WifiBilling.Portal.Tests.Hotspot;

/// <summary><c>/api/admin/routers</c>: CRUD, write-only secret, validation, registry refresh, the router script.</summary>
public sealed class RouterApiTests : HotspotApiTests
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Radius:PublicAddress"] = "203.0.113.10",
        ["Portal:PublicHost"] = "wifi.example.co.ke",
    };

    [Fact]
    public async Task Create_ReturnsTheRouterWithoutItsSecret_AndTheRadiusServerKnowsItAtOnce()
    {
        var response = await Admin.PostJsonAsync("/api/admin/routers", new { name = "Cafe", address = "127.0.0.9", secret = "s3cret-shared", coaPort = 1700 });

        var router = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = router.GetProperty("id").GetString()!;
        response.Headers.Location!.ToString().Should().Be($"/api/admin/routers/{id}");
        router.GetProperty("name").GetString().Should().Be("Cafe");
        router.GetProperty("address").GetString().Should().Be("127.0.0.9");
        router.GetProperty("coaPort").GetInt32().Should().Be(1700);
        router.GetProperty("requireMessageAuthenticator").GetBoolean().Should().BeTrue();
        router.GetProperty("enabled").GetBoolean().Should().BeTrue();
        router.GetProperty("hasSecret").GetBoolean().Should().BeTrue();
        router.ToString().Should().NotContain("s3cret-shared");
        Portal.Get<RouterRegistry>().TryGetByAddress(IPAddress.Parse("127.0.0.9"), out var client).Should().BeTrue();
        client!.Id.Should().Be(id);

        var list = await (await Admin.GetAsync("/api/admin/routers")).ShouldBeJsonAsync(HttpStatusCode.OK);
        list.EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal(id);
        (await (await Admin.GetAsync($"/api/admin/routers/{id}")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString().Should().Be("Cafe");
    }

    [Fact]
    public async Task Replace_KeepsTheSecretWhenNoneIsGiven_AndDisablingTakesEffectAtOnce()
    {
        var id = await CreateAsync("Cafe", "127.0.0.9");

        var replaced = await (await Admin.PutAsJsonAsync($"/api/admin/routers/{id}", new { name = "Cafe 2", address = "127.0.0.9", enabled = false }))
            .ShouldBeJsonAsync(HttpStatusCode.OK);

        replaced.GetProperty("name").GetString().Should().Be("Cafe 2");
        replaced.GetProperty("hasSecret").GetBoolean().Should().BeTrue();
        Portal.Get<RouterRegistry>().TryGetByAddress(IPAddress.Parse("127.0.0.9"), out _).Should().BeFalse("disabled routers are not RADIUS clients");
    }

    [Fact]
    public async Task Delete_RemovesTheRouter_ThenItIsNotFound()
    {
        var id = await CreateAsync("Cafe", "127.0.0.9");

        (await Admin.DeleteAsync($"/api/admin/routers/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        Portal.Get<RouterRegistry>().TryGetByAddress(IPAddress.Parse("127.0.0.9"), out _).Should().BeFalse();
        await (await Admin.DeleteAsync($"/api/admin/routers/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"address":"127.0.0.9","secret":"s"}""", "name")]
    [InlineData("""{"name":"Cafe","address":"127.0.0.9"}""", "secret")]
    [InlineData("""{"name":"Cafe","address":"127.0.0.9","secret":""}""", "secret")]
    [InlineData("""{"name":"Cafe","address":"10.0.0.1/24","secret":"s"}""", "address")]
    [InlineData("""{"name":"Cafe","secret":"s"}""", "address")]
    [InlineData("""{"name":"Cafe","nasIdentifier":"hostel","requireMessageAuthenticator":false,"secret":"s"}""", "requireMessageAuthenticator")]
    [InlineData("""{"name":"Cafe","address":"127.0.0.9","secret":"s","coaPort":70000}""", "coaPort")]
    [InlineData("""{"name":"Cafe","address":"127.0.0.9","secret":"s","coaPort":"x"}""", "coaPort")]
    public async Task Create_BadInput_IsAProblemNamingTheField(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await (await Admin.PostAsync("/api/admin/routers", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Create_SecondRouterWithTheSameAddress_IsAProblemNamingTheAddress()
    {
        await CreateAsync("Cafe", "127.0.0.9");

        await (await Admin.PostJsonAsync("/api/admin/routers", new { name = "Copy", address = "127.0.0.9", secret = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "address");
    }

    [Fact]
    public async Task UnknownRouter_IsNotFound_ForEveryRoute()
    {
        await (await Admin.GetAsync("/api/admin/routers/rtr_nope")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.PutAsJsonAsync("/api/admin/routers/rtr_nope", new { name = "x", address = "127.0.0.9" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.GetAsync("/api/admin/routers/rtr_nope/script")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Script_IsTheRouterOsScriptFilledInForThisRouter()
    {
        var id = await CreateAsync("Cafe", "127.0.0.9", nasIdentifier: "cafe-westlands", coaPort: 3799);

        var response = await Admin.GetAsync($"/api/admin/routers/{id}/script");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var script = await response.Content.ReadAsStringAsync();
        script.Should().Contain(":local radiusServer \"203.0.113.10\"")
            .And.Contain(":local radiusSecret \"s3cret-shared\"")
            .And.Contain(":local portalHost \"wifi.example.co.ke\"")
            .And.Contain(":local routerIdentity \"cafe-westlands\"")
            .And.Contain(":local coaPort 3799");
    }

    [Fact]
    public async Task Script_WithoutThePublicSettings_IsAProblemNamingTheSetting()
    {
        await using var portal = new HotspotPortalFactory();
        using var admin = portal.CreateAdminClient();
        var id = (await (await admin.PostJsonAsync("/api/admin/routers", new { name = "Cafe", address = "127.0.0.9", secret = "s" }))
            .ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        await (await admin.GetAsync($"/api/admin/routers/{id}/script")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Radius:PublicAddress");
    }

    [Fact]
    public async Task Script_OfADisabledRouter_IsAConflict()
    {
        var id = await CreateAsync("Cafe", "127.0.0.9");
        await Admin.PutAsJsonAsync($"/api/admin/routers/{id}", new { name = "Cafe", address = "127.0.0.9", enabled = false });

        await (await Admin.GetAsync($"/api/admin/routers/{id}/script")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<string> CreateAsync(string name, string address, string? nasIdentifier = null, int coaPort = 3799)
    {
        var created = await (await Admin.PostJsonAsync("/api/admin/routers", new { name, address, nasIdentifier, secret = "s3cret-shared", coaPort }))
            .ShouldBeJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }
}
