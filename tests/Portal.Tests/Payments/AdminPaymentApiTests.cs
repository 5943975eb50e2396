using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WifiBilling.Portal.Tests.Payments;

/// <summary>The operator's payment list and CSV export: admin key, filters, masking, bad filters.</summary>
public sealed class AdminPaymentApiTests(CallbackSecurityPortal fixture) : IClassFixture<CallbackSecurityPortal>
{
    private readonly PaymentsPortalFactory _portal = fixture.Portal;

    [Theory]
    [InlineData("/api/admin/payments")]
    [InlineData("/api/admin/payments/export.csv")]
    public async Task WithoutTheAdminKey_Is401(string path)
    {
        using var anonymous = await _portal.Client.GetAsync(path);
        using var wrong = new HttpClient { BaseAddress = _portal.BaseAddress };
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key-0123456789");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_FiltersAndPages_WithPhonesMasked()
    {
        var paid = await _portal.PayAsync("pln_seed_2", "0722300001", mac: "BC:24:11:EB:56:4D", ip: "10.5.50.2");
        await _portal.WaitForStatusAsync(paid, "paid");
        _portal.Simulator.Outcomes.ForPhone("254722300002", new Simulators.Daraja.StkOutcomePlan("1032"));
        var cancelled = await _portal.PayAsync("pln_seed_2", "0722300002");
        await _portal.WaitForStatusAsync(cancelled, "cancelled");
        using var admin = _portal.CreateAdminClient();

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/payments?planId=pln_seed_2&status=paid&limit=10");

        page.GetProperty("total").GetInt64().Should().Be(1);
        page.GetProperty("limit").GetInt32().Should().Be(10);
        var item = page.GetProperty("items")[0];
        item.GetProperty("paymentId").GetString().Should().Be(paid);
        item.GetProperty("status").GetString().Should().Be("paid");
        item.GetProperty("phone").GetString().Should().Be("2547******01");
        item.GetProperty("amount").GetInt64().Should().Be(50);
        item.GetProperty("mac").GetString().Should().Be("BC:24:11:EB:56:4D");
        item.GetProperty("mpesaReceipt").GetString().Should().NotBeNullOrEmpty();
        item.GetProperty("voucherCode").GetString().Should().NotBeNullOrEmpty();
        page.GetRawText().Should().NotContain("254722300001", "phones are masked");

        var byPhone = await admin.GetFromJsonAsync<JsonElement>("/api/admin/payments?phone=0722300002");
        byPhone.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("status").GetString()).Should().Equal("cancelled");
        var none = await admin.GetFromJsonAsync<JsonElement>("/api/admin/payments?planId=pln_seed_2&from=2099-01-01");
        none.GetProperty("total").GetInt64().Should().Be(0);
    }

    [Theory]
    [InlineData("status=maybe", "status")]
    [InlineData("phone=12", "phone")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=31/12/2024", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=many", "limit")]
    public async Task BadFilter_Is400_NamingIt(string query, string field)
    {
        using var admin = _portal.CreateAdminClient();

        foreach (var path in new[] { "/api/admin/payments?", "/api/admin/payments/export.csv?" })
        {
            using var response = await admin.GetAsync(path + query);

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, path);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        }
    }

    [Fact]
    public async Task ExportCsv_AllMatchingPayments_PhonesAndVoucherCodesMasked_TextEscaped()
    {
        var plan = await _portal.CreatePlanAsync(priceKes: 30, name: "=2 Hours, fast");
        var first = await _portal.PayAsync(plan.Id, "0722400001");
        var second = await _portal.PayAsync(plan.Id, "0722400002");
        await _portal.WaitForStatusAsync(first, "paid");
        await _portal.WaitForStatusAsync(second, "paid");
        using var admin = _portal.CreateAdminClient();

        using var response = await admin.GetAsync($"/api/admin/payments/export.csv?planId={plan.Id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("payments.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines[0].Should().StartWith("paymentId,createdAt,status,phone,amount");
        lines.Should().HaveCount(3);
        lines.Skip(1).Should().OnlyContain(l => l.Contains(",paid,2547******0", StringComparison.Ordinal));
        lines.Skip(1).Should().OnlyContain(l => l.Contains("\"'=2 Hours, fast\"", StringComparison.Ordinal), "formula-looking text is neutralised and quoted");
        var voucher = (await _portal.Payments.FindAsync(first, CancellationToken.None))!.VoucherCode!;
        lines.Should().NotContain(l => l.Contains(voucher, StringComparison.Ordinal));
        var masked = voucher[..3] + "***";
        lines.Should().Contain(l => l.Contains(masked, StringComparison.Ordinal));
    }
}
