namespace WifiBilling.Simulators.Daraja;

/// <summary>One simulated C2B payment (a customer paying the PayBill/Till directly) and what its notifications met.</summary>
public sealed class SimulatedC2BTransaction
{
    public required string TransId { get; init; }

    public required string ShortCode { get; init; }

    public required string CommandId { get; init; }

    public required string PhoneNumber { get; init; }

    public required long Amount { get; init; }

    public required string BillRefNumber { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public C2BTransactionStatus Status { get; internal set; } = C2BTransactionStatus.InProgress;

    public CallbackDelivery? Validation { get; internal set; }

    /// <summary>ResultCode the validation URL answered ("0" accepts, C2B0001x rejects); null when not asked or no answer.</summary>
    public string? ValidationResultCode { get; internal set; }

    public CallbackDelivery? Confirmation { get; internal set; }
}
