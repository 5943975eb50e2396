namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// A payment the customer made straight to the PayBill/Till (C2B confirmation), keyed by TransID (= the M-Pesa
/// receipt). Daraja gives only a masked (v2) or hashed (v1) MSISDN, kept as given. Nobody is waiting for it, so the
/// customer gets a voucher later through recovery (receipt + phone), minted exactly once.
/// </summary>
public sealed class C2BPayment
{
    private C2BPayment(string transId, long amountKes, DateTimeOffset receivedAt)
    {
        TransId = transId;
        AmountKes = amountKes;
        ReceivedAt = receivedAt;
    }

    public string TransId { get; }

    public long AmountKes { get; }

    public string? BillRefNumber { get; private set; }

    /// <summary>As Daraja sent it: masked (<c>2547 ***** 126</c>), a SHA-256 hash, or empty. Not a phone number.</summary>
    public string? Msisdn { get; private set; }

    public string? BusinessShortCode { get; private set; }

    public DateTimeOffset? TransTime { get; private set; }

    public string? RawPayload { get; private set; }

    public DateTimeOffset ReceivedAt { get; }

    public string? VoucherCode { get; private set; }

    /// <summary>The plan the recovered voucher was minted with (null until then).</summary>
    public string? PlanId { get; private set; }

    public static C2BPayment Receive(
        string transId,
        long amountKes,
        string? billRefNumber,
        string? msisdn,
        string? businessShortCode,
        DateTimeOffset? transTime,
        string? rawPayload,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(transId) || transId.Length > 40)
        {
            throw new BillingValidationException("transId", "must be 1 to 40 characters");
        }

        if (amountKes < 1)
        {
            throw new BillingValidationException("transAmount", "must be at least KES 1");
        }

        return new C2BPayment(transId.Trim(), amountKes, now)
        {
            BillRefNumber = billRefNumber,
            Msisdn = msisdn,
            BusinessShortCode = businessShortCode,
            TransTime = transTime,
            RawPayload = rawPayload,
        };
    }

    /// <summary>Links the voucher recovery minted; exactly once.</summary>
    public bool AttachVoucher(string voucherCode, string planId)
    {
        if (VoucherCode is not null)
        {
            return VoucherCode == voucherCode
                ? false
                : throw new BillingConflictException($"C2B payment {TransId} already has a voucher.");
        }

        VoucherCode = voucherCode;
        PlanId = planId;
        return true;
    }

    /// <summary>The payment id recorded on a voucher minted from this C2B payment (unique, like an STK payment's).</summary>
    public string VoucherPaymentId => "c2b_" + TransId;

    internal static C2BPayment Rehydrate(
        string transId,
        long amountKes,
        string? billRefNumber,
        string? msisdn,
        string? businessShortCode,
        DateTimeOffset? transTime,
        string? rawPayload,
        DateTimeOffset receivedAt,
        string? voucherCode,
        string? planId) =>
        new(transId, amountKes, receivedAt)
        {
            BillRefNumber = billRefNumber,
            Msisdn = msisdn,
            BusinessShortCode = businessShortCode,
            TransTime = transTime,
            RawPayload = rawPayload,
            VoucherCode = voucherCode,
            PlanId = planId,
        };
}
