using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.EndToEnd.Tests.HotspotLoop;

/// <summary>The expiry schedule lives in memory; a restarted Portal rebuilds it from the store and still disconnects on time.</summary>
public sealed class PortalRestartTests : IAsyncLifetime
{
    private HotspotLoop _loop = null!;

    public async Task InitializeAsync() => _loop = await HotspotLoop.StartAsync(o => o.EnforceSessionTimeout = false);

    public async Task DisposeAsync() => await _loop.DisposeAsync();

    [Fact]
    public async Task SessionsOpenAcrossARestart_AreStillDisconnectedAtTheirEnd()
    {
        var planId = await _loop.CreatePlanAsync(TimeSpan.FromHours(1));
        var early = (await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(await _loop.ActivateAsync(planId), "BC:24:11:EB:56:4D"))).Session!;
        await _loop.AdvanceAsync(TimeSpan.FromMinutes(20));
        var late = (await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(await _loop.ActivateAsync(planId), "BC:24:11:EB:56:4E"))).Session!;
        await _loop.AdvanceAsync(TimeSpan.FromMinutes(10));

        await _loop.RestartPortalAsync();
        (await _loop.OpenSessionsAsync()).GetArrayLength().Should().Be(2, "the store kept them");

        await _loop.AdvanceAsync(TimeSpan.FromMinutes(30));
        (await early.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        late.IsActive.Should().BeTrue("its voucher has 20 minutes left");
        await _loop.AdvanceAsync(TimeSpan.FromMinutes(20));
        (await late.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        await _loop.WaitUntilNoOpenSessionsAsync();
    }
}
