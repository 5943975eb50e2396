using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Server;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>/metrics after real traffic: radclient to the Portal's RADIUS port, a Disconnect-Request, payments in the store.</summary>
public sealed class MetricsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly PortalApiFactory _portal = new(settings: new Dictionary<string, string?> { ["Portal:Metrics:StoreRefreshInterval"] = "00:00:00" });

    public void Dispose() => _portal.Dispose();

    [SkippableFact]
    public async Task Scrape_after_a_radclient_request_shows_RADIUS_requests_by_code_and_result_and_the_auth_latency_histogram()
    {
        Skip.If(!File.Exists("/usr/bin/radclient"), "radclient (freeradius-utils) is not installed; ./test.sh installs it");
        using var client = _portal.CreateClient();
        var server = _portal.Services.GetRequiredService<RadiusServer>();

        // 127.0.0.1 is no registered router here, so the request is dropped silently (RFC 2865 §3) and counted as such.
        await RadclientAsync(server.AuthenticationEndPoint, "auth", "User-Name = \"ABCDEFGHJK\"\nUser-Password = \"ABCDEFGHJK\"\n");

        var scrape = await ScrapeUntilAsync(client, text => text.Contains("wifibilling_radius_requests_total{code=\"Access-Request\"", StringComparison.Ordinal));
        scrape.Should().Contain("# TYPE wifibilling_radius_requests_total counter");
        scrape.Should().MatchRegex("""(?m)^wifibilling_radius_requests_total\{code="Access-Request",result="dropped",drop_reason="[a-z_]+"\} [1-9]""");
        scrape.Should().Contain("# TYPE wifibilling_radius_access_duration_seconds histogram");
        scrape.Should().MatchRegex("""(?m)^wifibilling_radius_access_duration_seconds_bucket\{le="0\.005"\} \d+""");
        scrape.Should().NotContain("wifibilling_radius_radius_", "the generic meter adapter must not publish a second, gauge-typed copy");
    }

    [SkippableFact]
    public async Task Scrape_after_an_answered_Access_Request_shows_the_reject_and_a_latency_observation()
    {
        Skip.If(!File.Exists("/usr/bin/radclient"), "radclient (freeradius-utils) is not installed; ./test.sh installs it");
        Skip.If(_portal.Services.GetService<IAccessRequestHandler>() is null, "no access handler in this build (the hotspot AAA comes with feat/aaa)");
        using var client = _portal.CreateClient();
        var server = _portal.Services.GetRequiredService<RadiusServer>();
        await _portal.Data.AddRouterAsync("Loopback", "loopback-1", "127.0.0.1");
        var registry = _portal.Services.GetRequiredService<IRadiusClientRegistry>();
        var deadline = DateTime.UtcNow + Patience;
        while (!registry.TryGetByAddress(IPAddress.Loopback, out _) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200); // the registry reloads routers from the store on a timer
        }

        // An unknown voucher: the router gets an Access-Reject (RouterOS >= 7.15 wants Message-Authenticator on both legs).
        await RadclientAsync(server.AuthenticationEndPoint, "auth",
            "User-Name = \"ZZZZZZZZZZ\"\nUser-Password = \"ZZZZZZZZZZ\"\nMessage-Authenticator = 0x00\n", PortalTestData.RouterSecret);

        var scrape = await ScrapeUntilAsync(client, text => text.Contains("result=\"rejected\"", StringComparison.Ordinal));
        scrape.Should().MatchRegex("""(?m)^wifibilling_radius_requests_total\{code="Access-Request",result="rejected",drop_reason=""\} [1-9]""");
        scrape.Should().MatchRegex("""(?m)^wifibilling_radius_access_duration_seconds_count [1-9]""");
        scrape.Should().Contain("# TYPE wifibilling_hotspot_logins_total counter");
        scrape.Should().MatchRegex("""(?m)^wifibilling_hotspot_logins_total\{method="voucher",result="unknown-voucher"\} [1-9]""");
        scrape.Should().MatchRegex("""(?m)^wifibilling_hotspot_expiry_scheduled \d+""", "observable gauges are read before each scrape");
        scrape.Should().NotContain("wifibilling_hotspot_hotspot_", "the generic meter adapter must not publish a second copy");
    }

    [Fact]
    public async Task Scrape_after_an_unanswered_Disconnect_Request_shows_the_CoA_timeout()
    {
        using var client = _portal.CreateClient();
        var coa = _portal.Services.GetRequiredService<IRadiusCoaClient>();
        using var silentRouter = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)); // receives, never answers

        var result = await coa.SendAsync(
            CoaRequest.Disconnect(IPAddress.Loopback, "router-secret") with
            {
                Port = ((IPEndPoint)silentRouter.Client.LocalEndPoint!).Port,
                Timeout = TimeSpan.FromMilliseconds(300),
                Retries = 0,
            },
            CancellationToken.None);

        result.Outcome.Should().Be(CoaOutcome.Timeout);
        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        scrape.Should().Contain("# TYPE wifibilling_radius_coa_requests_total counter");
        scrape.Should().MatchRegex("""(?m)^wifibilling_radius_coa_requests_total\{code="Disconnect-Request",outcome="timeout"\} [1-9]""");
    }

    [Fact]
    public async Task Scrape_counts_payments_by_status_and_open_sessions_in_the_store()
    {
        var data = _portal.Data;
        using var client = _portal.CreateClient();
        var router = await data.AddRouterAsync("Cafe", "cafe-1", "127.0.0.1");
        await data.AddPaidPaymentAsync("pln_seed_1", DateTimeOffset.UtcNow.AddMinutes(-5));
        await data.AddPaidPaymentAsync("pln_seed_2", DateTimeOffset.UtcNow.AddMinutes(-4));
        await data.AddCancelledPaymentAsync("pln_seed_1", DateTimeOffset.UtcNow.AddMinutes(-3));
        var voucher = await data.AddVoucherAsync("pln_seed_1");
        await data.ActivateAsync(voucher, "AA:BB:CC:00:00:09", router.Id);
        await data.StartSessionAsync(router.Id, "81000001", voucher, "AA:BB:CC:00:00:09");

        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        scrape.Should().Contain("# TYPE wifibilling_payments gauge");
        scrape.Should().Contain("wifibilling_payments{status=\"paid\"} 2\n");
        scrape.Should().Contain("wifibilling_payments{status=\"cancelled\"} 1\n");
        scrape.Should().Contain("wifibilling_payments{status=\"timed-out\"} 0\n");
        scrape.Should().Contain("wifibilling_sessions_active 1\n");
    }

    private static async Task RadclientAsync(IPEndPoint endPoint, string command, string attributes, string secret = "testing123")
    {
        var start = new ProcessStartInfo("radclient") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-r", "1", "-t", "2", $"127.0.0.1:{endPoint.Port}", command, secret })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(attributes);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token); // with no answer, radclient gives up after one try
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient client, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (done(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        return last;
    }
}
