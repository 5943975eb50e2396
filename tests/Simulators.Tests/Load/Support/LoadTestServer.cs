using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WifiBilling.Radius;
using WifiBilling.Radius.Server;

namespace WifiBilling.Simulators.Tests.Load.Support;

/// <summary>
/// Our real RADIUS server (WifiBilling.Radius, as the Portal hosts it) on loopback with free ports, knowing routers
/// 1..N at 127.0.1.n with secret <c>load-secret-n</c>, and handlers that accept the test's voucher codes.
/// </summary>
public sealed class LoadTestServer : IAsyncDisposable
{
    public const string SecretPattern = "load-secret-{router}";

    private readonly IHost _host;

    private LoadTestServer(IHost host, VoucherAccessHandler access, RecordingAccountingHandler accounting)
    {
        _host = host;
        Access = access;
        Accounting = accounting;
        Server = host.Services.GetRequiredService<RadiusServer>();
    }

    public VoucherAccessHandler Access { get; }

    public RecordingAccountingHandler Accounting { get; }

    public RadiusServer Server { get; }

    public int AuthPort => Server.AuthenticationEndPoint.Port;

    public int AcctPort => Server.AccountingEndPoint.Port;

    public static IPAddress RouterAddress(int router) => IPAddress.Parse($"127.0.1.{router}");

    public static async Task<LoadTestServer> StartAsync(int routers, IEnumerable<string> vouchers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Radius:BindAddress"] = "127.0.0.1",
            ["Radius:AuthPort"] = "0",
            ["Radius:AcctPort"] = "0",
        });
        builder.Logging.ClearProviders();
        var registry = new InMemoryRadiusClientRegistry();
        for (var router = 1; router <= routers; router++)
        {
            var secret = SecretPattern.Replace("{router}", router.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            registry.Add(RouterAddress(router), new RadiusClient($"load-{router}", secret) { Id = $"rtr_{router}" });
        }

        var access = new VoucherAccessHandler(vouchers);
        var accounting = new RecordingAccountingHandler();
        builder.Services.AddSingleton<IRadiusClientRegistry>(registry);
        builder.Services.AddSingleton<IAccessRequestHandler>(access);
        builder.Services.AddSingleton<IAccountingRequestHandler>(accounting);
        builder.Services.AddRadiusServer(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new LoadTestServer(host, access, accounting);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
