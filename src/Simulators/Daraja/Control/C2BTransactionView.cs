namespace WifiBilling.Simulators.Daraja.Control;

/// <summary>A simulated C2B payment as <c>GET /simulator/c2b/transactions</c> shows it.</summary>
public sealed record C2BTransactionView(
    string TransId,
    string ShortCode,
    string CommandId,
    string PhoneNumber,
    long Amount,
    string BillRefNumber,
    DateTimeOffset CreatedAt,
    C2BTransactionStatus Status,
    string? ValidationResultCode,
    CallbackDelivery? Validation,
    CallbackDelivery? Confirmation)
{
    public static C2BTransactionView From(SimulatedC2BTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new C2BTransactionView(transaction.TransId, transaction.ShortCode, transaction.CommandId, transaction.PhoneNumber,
            transaction.Amount, transaction.BillRefNumber, transaction.CreatedAt, transaction.Status,
            transaction.ValidationResultCode, transaction.Validation, transaction.Confirmation);
    }
}
