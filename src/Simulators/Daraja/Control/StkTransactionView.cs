namespace WifiBilling.Simulators.Daraja.Control;

/// <summary>
/// A push as <c>GET /simulator/transactions</c> shows it: <see cref="Paid"/> is Daraja's truth once
/// <see cref="Completed"/>; <see cref="ResultCode"/> is already the planned final result while pending.
/// </summary>
public sealed record StkTransactionView(
    string CheckoutRequestId,
    string MerchantRequestId,
    string ShortCode,
    string PhoneNumber,
    long Amount,
    string AccountReference,
    DateTimeOffset CreatedAt,
    DateTimeOffset CompletesAt,
    bool Completed,
    string ResultCode,
    string ResultDesc,
    bool Paid,
    string? ReceiptNumber,
    CallbackFault Callback,
    IReadOnlyList<DateTimeOffset> CallbackTimes,
    IReadOnlyList<CallbackDelivery> Deliveries)
{
    public static StkTransactionView From(SimulatedStkTransaction transaction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var completed = transaction.IsCompleted(now);
        return new StkTransactionView(
            transaction.CheckoutRequestId, transaction.MerchantRequestId, transaction.ShortCode, transaction.PhoneNumber,
            transaction.Amount, transaction.AccountReference, transaction.CreatedAt, transaction.CompletesAt, completed,
            transaction.ResultCode, transaction.ResultDesc, completed && transaction.IsPaid,
            completed ? transaction.ReceiptNumber : null, transaction.Callback, transaction.CallbackTimes, transaction.Deliveries);
    }
}
