using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.Tests.Hotspot.Support;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Tests.Support;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot;

/// <summary>Repeated rejects are held back (on the injected clock) and counted, without holding up anyone else.</summary>
public sealed class BruteForceThrottleTests
{
    private static readonly HotspotOptions Options = new()
    {
        DeviceRejectsBeforeDelay = 2,
        RouterRejectsBeforeDelay = 5,
        ThrottleWindow = TimeSpan.FromMinutes(1),
        RejectDelay = TimeSpan.FromSeconds(1),
        MaxRejectDelay = TimeSpan.FromSeconds(3),
    };

    [Fact]
    public void RecordReject_DelaysGrowPastTheDeviceThreshold_UpToTheMaximum_AndResetWithTheWindow()
    {
        var clock = new FakeTimeProvider(HotspotRig.Start);
        using var metrics = new HotspotMetrics();
        var throttle = new BruteForceThrottle(Microsoft.Extensions.Options.Options.Create(Options), clock, metrics);

        var delays = Enumerable.Range(0, 5).Select(i => throttle.RecordReject($"device-{i / 5}", $"router-{i}")).ToList();

        delays.Should().Equal(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        throttle.RecordReject("device-0", "router-9").Should().Be(TimeSpan.FromSeconds(3), "capped");
        throttle.RecordReject("another-device", "router-10").Should().Be(TimeSpan.Zero, "each device has its own count");
        clock.Advance(TimeSpan.FromMinutes(1));
        throttle.RecordReject("device-0", "router-11").Should().Be(TimeSpan.Zero, "a new window");
        throttle.DelayedRejects.Should().Be(4);
    }

    [Fact]
    public void RecordReject_ManyDevicesOnOneRouter_AreSlowedByTheRouterThreshold()
    {
        var clock = new FakeTimeProvider(HotspotRig.Start);
        using var metrics = new HotspotMetrics();
        var throttle = new BruteForceThrottle(Microsoft.Extensions.Options.Options.Create(Options), clock, metrics);
        var measurements = new List<(long Value, string? Throttle)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "hotspot.rejects.throttled")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            measurements.Add((value, tags.ToArray().Single(t => t.Key == "hotspot.throttle").Value as string)));
        listener.Start();

        var delays = Enumerable.Range(0, 7).Select(i => throttle.RecordReject($"device-{i}", "router-1")).ToList();

        delays.Should().Equal(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        measurements.Should().Equal((1L, "router"), (1L, "router"));
    }

    [Fact]
    public async Task ThrottledReject_WaitsForTheClock_WhileOtherLoginsAreAnswered()
    {
        await using var rig = await HotspotRig.StartAsync(new Dictionary<string, string?>
        {
            ["Hotspot:DeviceRejectsBeforeDelay"] = "2",
            ["Hotspot:RejectDelay"] = "00:00:02",
        });
        var (_, mikrotik) = await rig.StartRouterAsync(o => o.RadiusRetries = 20);
        var voucher = await rig.MintAsync(await rig.CreatePlanAsync());
        const string guesser = "02:BA:DB:AD:00:01";
        await mikrotik.LoginAsync(HotspotLogin.Chap("AAAAAAAAAA", guesser));
        await mikrotik.LoginAsync(HotspotLogin.Chap("BBBBBBBBBB", guesser));

        var third = mikrotik.LoginAsync(HotspotLogin.Chap("CCCCCCCCCC", guesser));
        await Poll.UntilAsync(() => rig.Throttle.DelayedRejects == 1, "the third reject is held back");
        var other = await mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, "BC:24:11:EB:56:4D"));

        other.Accepted.Should().BeTrue("the server keeps answering other requests meanwhile");
        third.IsCompleted.Should().BeFalse("its reject waits for the clock to move 2 s");
        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        var rejected = await third.WaitAsync(TimeSpan.FromSeconds(30));
        rejected.Reply!.Code.Should().Be(RadiusCode.AccessReject);
        rejected.ReplyMessages.Should().Equal(HotspotReplyMessages.English(HotspotRejectReason.UnknownVoucher));
    }
}
