using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Payments.Recovery;

namespace WifiBilling.Billing.Tests.Payments;

public sealed class AttemptLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 7, 10, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_AllowsTheLimitPerKeyAndWindow()
    {
        var limiter = new AttemptLimiter(_time);
        var window = TimeSpan.FromMinutes(15);

        Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("phone:a", 3, window)).ToList().Should().AllBeEquivalentTo(true);
        limiter.TryAcquire("phone:a", 3, window).Should().BeFalse();
        limiter.TryAcquire("phone:b", 3, window).Should().BeTrue("keys are counted apart");

        _time.Advance(TimeSpan.FromMinutes(14));
        limiter.TryAcquire("phone:a", 3, window).Should().BeFalse();
        _time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire("phone:a", 3, window).Should().BeTrue("a new window started");
    }

    [Fact]
    public async Task TryAcquire_UnderContention_NeverAdmitsMoreThanTheLimit()
    {
        var limiter = new AttemptLimiter(_time);

        var admitted = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => limiter.TryAcquire("ip:x", 25, TimeSpan.FromMinutes(1)))));

        admitted.Count(a => a).Should().Be(25);
    }
}
