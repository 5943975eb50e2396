using System.Net;
using System.Text.Json;
using WifiBilling.Portal.Tests.Hotspot.Support;

namespace WifiBilling.Portal.Tests.Hotspot;

/// <summary><c>POST /api/admin/activate</c> and <c>/api/admin/vouchers</c>: selling, printing, listing, revoking, topping up.</summary>
public sealed class VoucherApiTests : HotspotApiTests
{
    private const string SeedHourPlan = "pln_seed_1";

    [Fact]
    public async Task Activate_MintsAnUnusedVoucher_BoundToTheDevice_WithThePhoneMasked()
    {
        var response = await Admin.PostJsonAsync("/api/admin/activate", new { planId = SeedHourPlan, mac = "bc-24-11-eb-56-4d", phone = "0712345678", note = "cash at the counter" });

        var voucher = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var code = voucher.GetProperty("code").GetString()!;
        response.Headers.Location!.ToString().Should().Be($"/api/admin/vouchers/{code}");
        code.Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{10}$");
        voucher.GetProperty("status").GetString().Should().Be("unused");
        voucher.GetProperty("source").GetString().Should().Be("admin");
        voucher.GetProperty("plan").GetProperty("id").GetString().Should().Be(SeedHourPlan);
        voucher.GetProperty("plan").GetProperty("durationMinutes").GetInt64().Should().Be(60);
        voucher.GetProperty("plan").GetProperty("mode").GetString().Should().Be("validity");
        voucher.GetProperty("remainingSeconds").GetInt64().Should().Be(3600);
        voucher.GetProperty("devices").EnumerateArray().Select(d => d.GetString()).Should().Equal("BC:24:11:EB:56:4D");
        voucher.GetProperty("phone").GetString().Should().Be("2547******78");
        voucher.GetProperty("note").GetString().Should().Be("cash at the counter");
        voucher.GetProperty("createdAt").GetDateTimeOffset().Should().Be(HotspotPortalFactory.Start);
    }

    [Theory]
    [InlineData("""{"note":"x"}""", "planId")]
    [InlineData("""{"planId":"pln_nope"}""", "planId")]
    [InlineData("""{"planId":"pln_seed_1","mac":"not-a-mac"}""", "mac")]
    [InlineData("""{"planId":"pln_seed_1","phone":"12345"}""", "phone")]
    [InlineData("""{"planId":"pln_seed_1","planId2":1,"mac":7}""", "mac")]
    public async Task Activate_BadInput_IsAProblemNamingTheField(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await (await Admin.PostAsync("/api/admin/activate", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Activate_NoteTooLong_IsAProblemNamingIt() =>
        await (await Admin.PostJsonAsync("/api/admin/activate", new { planId = SeedHourPlan, note = new string('n', 201) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "note");

    [Fact]
    public async Task Batch_MintsThatManyVouchers_UnderOneBatchId_ListableByIt()
    {
        var batch = await (await Admin.PostJsonAsync("/api/admin/vouchers/batch", new { planId = SeedHourPlan, count = 3 })).ShouldBeJsonAsync(HttpStatusCode.Created);

        var batchId = batch.GetProperty("batchId").GetString()!;
        batchId.Should().StartWith("bat_");
        var vouchers = batch.GetProperty("vouchers").EnumerateArray().ToList();
        vouchers.Should().HaveCount(3).And.OnlyContain(v => v.GetProperty("batchId").GetString() == batchId && v.GetProperty("source").GetString() == "batch");
        var page = await (await Admin.GetAsync($"/api/admin/vouchers?batchId={batchId}&limit=2")).ShouldBeJsonAsync(HttpStatusCode.OK);
        page.GetProperty("total").GetInt64().Should().Be(3);
        page.GetProperty("items").GetArrayLength().Should().Be(2);
        page.GetProperty("limit").GetInt32().Should().Be(2);
    }

    [Theory]
    [InlineData("""{"planId":"pln_seed_1"}""", "count")]
    [InlineData("""{"planId":"pln_seed_1","count":0}""", "count")]
    [InlineData("""{"planId":"pln_seed_1","count":10001}""", "count")]
    [InlineData("""{"count":5}""", "planId")]
    public async Task Batch_BadInput_IsAProblemNamingTheField(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await (await Admin.PostAsync("/api/admin/vouchers/batch", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task List_FiltersByStatusAndCodePrefix()
    {
        var kept = await ActivateAsync();
        var revoked = await ActivateAsync();
        await Admin.PostAsync($"/api/admin/vouchers/{revoked}/revoke", null);

        var unused = await (await Admin.GetAsync("/api/admin/vouchers?status=unused")).ShouldBeJsonAsync(HttpStatusCode.OK);
        Codes(unused).Should().Equal(kept);
        var byPrefix = await (await Admin.GetAsync($"/api/admin/vouchers?code={revoked[..4].ToLowerInvariant()}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        Codes(byPrefix).Should().Contain(revoked);
    }

    [Theory]
    [InlineData("status=used", "status")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("code=%21%21", "code")]
    public async Task List_BadFilter_IsAProblemNamingIt(string query, string field) =>
        await (await Admin.GetAsync($"/api/admin/vouchers?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Get_ReadsTheCodeAsTyped_AndUnknownIsNotFound()
    {
        var code = await ActivateAsync();

        var voucher = await (await Admin.GetAsync($"/api/admin/vouchers/{code.ToLowerInvariant()}")).ShouldBeJsonAsync(HttpStatusCode.OK);

        voucher.GetProperty("code").GetString().Should().Be(code);
        await (await Admin.GetAsync("/api/admin/vouchers/ZZZZZZZZZZ")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.PostAsync("/api/admin/vouchers/ZZZZZZZZZZ/revoke", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.PostJsonAsync("/api/admin/vouchers/ZZZZZZZZZZ/extend", new { minutes = 5 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoke_ThenExtend_IsAConflict()
    {
        var code = await ActivateAsync();

        var revoked = await (await Admin.PostAsync($"/api/admin/vouchers/{code}/revoke", null)).ShouldBeJsonAsync(HttpStatusCode.OK);

        revoked.GetProperty("status").GetString().Should().Be("revoked");
        revoked.GetProperty("remainingSeconds").GetInt64().Should().Be(0);
        await (await Admin.PostJsonAsync($"/api/admin/vouchers/{code}/extend", new { minutes = 30 })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Extend_AddsTheMinutes()
    {
        var code = await ActivateAsync();

        var extended = await (await Admin.PostJsonAsync($"/api/admin/vouchers/{code}/extend", new { minutes = 30 })).ShouldBeJsonAsync(HttpStatusCode.OK);

        extended.GetProperty("remainingSeconds").GetInt64().Should().Be(5400);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"minutes":0}""")]
    [InlineData("""{"minutes":527041}""")]
    [InlineData("""{"minutes":"soon"}""")]
    public async Task Extend_BadMinutes_IsAProblemNamingThem(string json)
    {
        var code = await ActivateAsync();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await (await Admin.PostAsync($"/api/admin/vouchers/{code}/extend", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "minutes");
    }

    private async Task<string> ActivateAsync() =>
        (await (await Admin.PostJsonAsync("/api/admin/activate", new { planId = SeedHourPlan })).ShouldBeJsonAsync(HttpStatusCode.Created))
        .GetProperty("code").GetString()!;

    private static List<string?> Codes(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
}
