using WifiBilling.Billing.Payments.Callbacks;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>One callback the test receiver got: its body, when it arrived (Stopwatch ticks), and what handling it did.</summary>
internal sealed class ReceivedStkCallback(string body, long arrivedAt)
{
    public string Body { get; } = body;

    public long ArrivedAt { get; } = arrivedAt;

    public StkCallbackHandling? Handling { get; set; }
}
