using Microsoft.Extensions.Time.Testing;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius.Tests.Server;

public sealed class DropLogThrottleTests
{
    [Fact]
    public void ShouldLog_OncePerReasonPerInterval_ThenReportsWhatWasSuppressed()
    {
        var time = new FakeTimeProvider();
        var throttle = new DropLogThrottle(time, TimeSpan.FromSeconds(30));

        throttle.ShouldLog(RadiusDropReason.UnknownClient, out _).Should().BeTrue();
        Enumerable.Range(0, 5).Select(_ => throttle.ShouldLog(RadiusDropReason.UnknownClient, out long _)).ToArray().Should().AllBeEquivalentTo(false);
        throttle.ShouldLog(RadiusDropReason.Malformed, out _).Should().BeTrue("each reason has its own budget");
        time.Advance(TimeSpan.FromSeconds(31));

        throttle.ShouldLog(RadiusDropReason.UnknownClient, out var suppressed).Should().BeTrue();
        suppressed.Should().Be(5);
    }
}
