namespace WifiBilling.Simulators.Tests.Hotspot.Support;

/// <summary>A fresh <see cref="SimulatorRig"/> per test (xunit makes a new instance for each).</summary>
public abstract class SimulatorRigTests : IAsyncLifetime
{
    protected const string Code = "7KQ4MZ2RHT";
    protected const string Phone = "BC:24:11:EB:56:4D";

    protected SimulatorRig Rig { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Rig = SimulatorRig.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Rig.DisposeAsync();
}
