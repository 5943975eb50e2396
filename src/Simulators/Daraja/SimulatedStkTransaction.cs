namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// One accepted STK push and its truth. The result is fixed when the push is accepted and becomes visible at
/// <see cref="CompletesAt"/>; the callback (if any) is a separate, possibly lost, duplicated or late, message.
/// </summary>
public sealed class SimulatedStkTransaction
{
    private readonly List<CallbackDelivery> _deliveries = [];

    public required string CheckoutRequestId { get; init; }

    public required string MerchantRequestId { get; init; }

    public required string ShortCode { get; init; }

    public required string TransactionType { get; init; }

    public required string PartyB { get; init; }

    public required string PhoneNumber { get; init; }

    public required long Amount { get; init; }

    public required string AccountReference { get; init; }

    public required string CallbackUrl { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset CompletesAt { get; init; }

    public required string ResultCode { get; init; }

    public required string ResultDesc { get; init; }

    /// <summary>M-Pesa receipt; only for paid transactions.</summary>
    public string? ReceiptNumber { get; init; }

    public required CallbackFault Callback { get; init; }

    public required PendingQueryStyle PendingQuery { get; init; }

    /// <summary>When callbacks are (or were) due: none for a lost callback, two for a duplicate.</summary>
    public required IReadOnlyList<DateTimeOffset> CallbackTimes { get; init; }

    public bool IsPaid => ResultCode == "0";

    public bool IsCompleted(DateTimeOffset now) => now >= CompletesAt;

    public IReadOnlyList<CallbackDelivery> Deliveries
    {
        get
        {
            lock (_deliveries)
            {
                return [.. _deliveries];
            }
        }
    }

    internal void RecordDelivery(CallbackDelivery delivery)
    {
        lock (_deliveries)
        {
            _deliveries.Add(delivery);
        }
    }
}
