using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Billing.Tests.Hotspot.Support;

namespace WifiBilling.Billing.Tests.Hotspot;

/// <summary>The keyed timer queue under the expiry scheduler and the Disconnect retries, on a fake clock.</summary>
public sealed class DueQueueTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(HotspotRig.Start);
    private readonly DueQueue<string> _queue;

    public DueQueueTests() => _queue = new DueQueue<string>(_clock);

    public void Dispose() => _queue.Dispose();

    [Fact]
    public async Task Keys_ComeOutWhenTheClockReachesThem_InOrder_AndOnlyThen()
    {
        _queue.Set("late", HotspotRig.Start.AddMinutes(10));
        _queue.Set("early", HotspotRig.Start.AddMinutes(5));
        var waiting = _queue.WaitForDueAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(4));
        waiting.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).Should().Equal("early");
        _clock.Advance(TimeSpan.FromMinutes(5));
        (await _queue.WaitForDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20))).Should().Equal("late");
        _queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task SetAgain_ReplacesTheTime_AndRemoveForgetsTheKey()
    {
        _queue.Set("voucher", HotspotRig.Start.AddMinutes(5));
        _queue.Set("voucher", HotspotRig.Start.AddMinutes(20));
        _queue.Set("revoked", HotspotRig.Start.AddMinutes(1));
        _queue.Remove("revoked").Should().BeTrue();

        _clock.Advance(TimeSpan.FromMinutes(10));
        var waiting = _queue.WaitForDueAsync(CancellationToken.None);
        await Task.Delay(50);
        waiting.IsCompleted.Should().BeFalse("the end moved to minute 20 and the revoked key is gone");

        _clock.Advance(TimeSpan.FromMinutes(10));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).Should().Equal("voucher");
    }

    [Fact]
    public async Task SetNoLaterThan_OnlyMovesATimeEarlier()
    {
        _queue.Set("voucher", HotspotRig.Start.AddMinutes(5));
        _queue.SetNoLaterThan("voucher", HotspotRig.Start.AddMinutes(30));
        _queue.TryGetDue("voucher", out var due).Should().BeTrue();
        due.Should().Be(HotspotRig.Start.AddMinutes(5));

        _queue.SetNoLaterThan("voucher", HotspotRig.Start);

        (await _queue.WaitForDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20))).Should().Equal("voucher");
    }

    [Fact]
    public async Task AKeyAddedWhileWaiting_WakesTheWaiter()
    {
        var waiting = _queue.WaitForDueAsync(CancellationToken.None);

        _queue.Set("now", HotspotRig.Start);

        (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).Should().Equal("now");
    }
}
