using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Billing.Payments.Status;

/// <summary>
/// What <c>GET /api/payments/{id}</c> shows. A paid payment without a voucher (minting failed after the callback was
/// acknowledged) gets it minted here, by whoever polls first.
/// </summary>
public sealed class PaymentStatusReader(IPaymentStore payments, PaymentVoucherMinter minter)
{
    public async Task<PaymentView?> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(paymentId) || paymentId.Length > 64)
        {
            return null;
        }

        var payment = await payments.FindAsync(paymentId, cancellationToken).ConfigureAwait(false);
        if (payment is null)
        {
            return null;
        }

        var voucher = await minter.TryMintAsync(payment, "status", cancellationToken).ConfigureAwait(false);
        return new PaymentView(payment, PaymentMessages.For(payment), voucher);
    }
}
