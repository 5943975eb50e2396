using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Portal.Tests.Payments;

/// <summary>Everything a callback could change about a payment, to compare before and after.</summary>
internal sealed record PaymentStateSnapshot(
    PaymentStatus Status, string? MpesaReceipt, string? VoucherCode, DateTimeOffset UpdatedAt, string? ResultCode, long VoucherCount, int Payloads)
{
    public static async Task<PaymentStateSnapshot> TakeAsync(PaymentsPortalFactory portal, string paymentId)
    {
        var payment = (await portal.Payments.FindAsync(paymentId, CancellationToken.None))!;
        var payloads = await portal.Payments.ListRawPayloadsAsync(paymentId, CancellationToken.None);
        return new PaymentStateSnapshot(
            payment.Status, payment.MpesaReceipt, payment.VoucherCode, payment.UpdatedAt, payment.ResultCode, await portal.VoucherCountAsync(), payloads.Count);
    }
}
