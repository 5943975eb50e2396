using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Diagnostics;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Simulators.Tests.Hotspot.Support;

/// <summary>A scripted server, a simulated router on a fake clock talking to it, and a real CoA client to poke the router.</summary>
public sealed class SimulatorRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private SimulatorRig(ScriptedRadiusServer server, HotspotSimulator router, FakeTimeProvider clock)
    {
        Server = server;
        Router = router;
        Clock = clock;
        Coa = new RadiusCoaClient(
            Options.Create(new RadiusCoaClientOptions { Timeout = TimeSpan.FromMilliseconds(500), Retries = 1 }),
            new RadiusMetrics(),
            NullLogger<RadiusCoaClient>.Instance);
    }

    public ScriptedRadiusServer Server { get; }

    public HotspotSimulator Router { get; }

    public FakeTimeProvider Clock { get; }

    public RadiusCoaClient Coa { get; }

    public static SimulatorRig Create(Action<HotspotSimulatorOptions>? configure = null)
    {
        var server = new ScriptedRadiusServer();
        var clock = new FakeTimeProvider(Start);
        var options = new HotspotSimulatorOptions
        {
            AuthServer = server.AuthEndPoint,
            AcctServer = server.AcctEndPoint,
            Secret = ScriptedRadiusServer.Secret,
            Identity = "KhwanrichaiHome",
            HotspotServerName = "hs-vlan888-hotspot",
            InterfaceName = "vlan888-hotspot",
            CoaPort = 0,
            RadiusTimeout = TimeSpan.FromMilliseconds(300),
            Clock = clock,
        };
        configure?.Invoke(options);
        return new SimulatorRig(server, HotspotSimulator.Start(options), clock);
    }

    public Task<CoaResult> SendToRouterAsync(CoaRequest request) => Coa.SendAsync(request with { Port = Router.CoaEndPoint!.Port });

    public CoaRequest Disconnect(params WifiBilling.Radius.Protocol.RadiusAttribute[] attributes) =>
        CoaRequest.Disconnect(IPAddress.Loopback, ScriptedRadiusServer.Secret, attributes);

    public async ValueTask DisposeAsync()
    {
        Coa.Dispose();
        await Router.DisposeAsync();
        await Server.DisposeAsync();
    }
}
