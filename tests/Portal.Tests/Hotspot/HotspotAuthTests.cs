using System.Net;
using WifiBilling.Portal.Tests.Hotspot.Support;

namespace WifiBilling.Portal.Tests.Hotspot;

/// <summary>No router, voucher or session route answers without the admin key.</summary>
public sealed class HotspotAuthTests : IAsyncLifetime
{
    private HotspotPortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new HotspotPortalFactory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/admin/routers")]
    [InlineData("POST", "/api/admin/routers")]
    [InlineData("GET", "/api/admin/routers/rtr_x")]
    [InlineData("PUT", "/api/admin/routers/rtr_x")]
    [InlineData("DELETE", "/api/admin/routers/rtr_x")]
    [InlineData("GET", "/api/admin/routers/rtr_x/script")]
    [InlineData("POST", "/api/admin/activate")]
    [InlineData("GET", "/api/admin/vouchers")]
    [InlineData("POST", "/api/admin/vouchers/batch")]
    [InlineData("GET", "/api/admin/vouchers/ABCDEFGHJK")]
    [InlineData("POST", "/api/admin/vouchers/ABCDEFGHJK/revoke")]
    [InlineData("POST", "/api/admin/vouchers/ABCDEFGHJK/extend")]
    [InlineData("GET", "/api/admin/sessions")]
    [InlineData("POST", "/api/admin/sessions/ses_x/disconnect")]
    public async Task EveryRoute_WithoutTheKey_Is401_AndWithAWrongKeyToo(string method, string path)
    {
        using var anonymous = _portal.CreateClient();
        using var wrong = _portal.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key-0123456789");

        foreach (var client in new[] { anonymous, wrong })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
    }
}
