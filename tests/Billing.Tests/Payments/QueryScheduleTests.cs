using WifiBilling.Billing.Payments;
using WifiBilling.Billing.Payments.Reconciliation;

namespace WifiBilling.Billing.Tests.Payments;

public sealed class QueryScheduleTests
{
    private static readonly DateTimeOffset s_created = new(2024, 7, 10, 6, 0, 0, TimeSpan.Zero);
    private static readonly ReconcilerOptions s_options = new();

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 45)]
    [InlineData(2, 60)]
    [InlineData(9, 60)]
    public void NextWhilePending_BacksOffToTheMaximumInterval(int attempts, int seconds)
    {
        var now = s_created.AddSeconds(20);

        QuerySchedule.NextWhilePending(now, s_created, attempts, s_options).Should().Be(now.AddSeconds(seconds));
    }

    [Fact]
    public void NextWhilePending_NeverPassesTheGiveUpTime()
    {
        var now = s_created.AddSeconds(170);

        QuerySchedule.NextWhilePending(now, s_created, 5, s_options).Should().Be(s_created.AddMinutes(3));
    }

    [Fact]
    public void NextLate_WalksTheLateQueries_ThenStops()
    {
        var gaveUp = s_created.AddMinutes(3);

        QuerySchedule.NextLate(gaveUp, s_created, s_options).Should().Be(gaveUp.AddMinutes(2));
        QuerySchedule.NextLate(gaveUp.AddMinutes(2), s_created, s_options).Should().Be(gaveUp.AddMinutes(10));
        QuerySchedule.NextLate(gaveUp.AddMinutes(10), s_created, s_options).Should().Be(gaveUp.AddMinutes(30));
        QuerySchedule.NextLate(gaveUp.AddMinutes(30), s_created, s_options).Should().BeNull();
    }

    [Fact]
    public void ConfiguredLateQueries_ReplaceTheDefaults()
    {
        var options = new ReconcilerOptions { LateQueries = [TimeSpan.FromMinutes(5)] };

        options.EffectiveLateQueries.Should().Equal(TimeSpan.FromMinutes(5));
        new ReconcilerOptions().EffectiveLateQueries.Should().HaveCount(3);
    }
}
