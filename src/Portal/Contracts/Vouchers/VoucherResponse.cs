using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Portal.Contracts.Vouchers;

/// <summary>
/// A voucher for the operator. <c>status</c> is as of now (an active voucher whose time ran out reads expired);
/// <c>remainingSeconds</c> and <c>remainingBytes</c> are what a login would be granted; the phone is masked.
/// </summary>
public sealed record VoucherResponse(
    string Code,
    VoucherStatus Status,
    VoucherSource Source,
    VoucherPlanResponse Plan,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    long RemainingSeconds,
    long UsedSeconds,
    long UsedBytes,
    long? RemainingBytes,
    IReadOnlyList<string> Devices,
    string? BatchId,
    string? PaymentId,
    string? Phone,
    string? Note)
{
    public static VoucherResponse From(Voucher voucher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        return new(
            voucher.Code.Value,
            voucher.StatusAt(now),
            voucher.Source,
            VoucherPlanResponse.From(voucher.Plan),
            voucher.CreatedAt,
            voucher.ActivatedAt,
            voucher.ExpiresAt,
            voucher.RevokedAt,
            (long)voucher.RemainingTime(now).TotalSeconds,
            voucher.UsedSeconds,
            voucher.UsedBytes,
            voucher.RemainingBytes,
            voucher.BoundMacs.Select(m => m.Value).ToList(),
            voucher.BatchId,
            voucher.PaymentId,
            voucher.Phone?.Masked,
            voucher.Note);
    }
}
