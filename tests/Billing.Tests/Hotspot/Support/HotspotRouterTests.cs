using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot.Support;

/// <summary>A fresh rig with one simulated MikroTik (127.0.0.1) per test; xunit makes a new instance for each.</summary>
public abstract class HotspotRouterTests : IAsyncLifetime
{
    protected const string Phone = "BC:24:11:EB:56:4D";
    protected const string Laptop = "BC:24:11:EB:56:4E";

    protected HotspotRig Rig { get; private set; } = null!;

    protected Router Router { get; private set; } = null!;

    protected HotspotSimulator SimulatedRouter { get; private set; } = null!;

    /// <summary>Settings on top of the rig's.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Rig = await HotspotRig.StartAsync(Settings);
        (Router, SimulatedRouter) = await Rig.StartRouterAsync(ConfigureRouter);
    }

    public async Task DisposeAsync() => await Rig.DisposeAsync();

    protected virtual void ConfigureRouter(HotspotSimulatorOptions options)
    {
    }
}
