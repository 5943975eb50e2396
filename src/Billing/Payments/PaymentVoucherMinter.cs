using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Diagnostics;

namespace WifiBilling.Billing.Payments;

/// <summary>
/// Mints the voucher of a paid payment (exactly once, by <see cref="IPaymentStore.MintVoucherAsync"/>) for whoever sees
/// the payment paid first: the callback, the reconciler, the status poll or recovery. A failure is logged and left to
/// the next reader, so an acknowledged callback never depends on minting succeeding at that moment.
/// </summary>
public sealed class PaymentVoucherMinter(IPaymentStore payments, PaymentMetrics metrics, ILogger<PaymentVoucherMinter> logger)
{
    /// <summary>The payment's voucher (minted now if missing); null when it is not paid or minting failed.</summary>
    public async Task<Voucher?> TryMintAsync(Payment payment, string reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        try
        {
            return await MintAsync(payment, reader, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Report(payment, null, ex, reader);
            return null;
        }
    }

    /// <summary>The payment's voucher (minted now if missing); null when it is not paid. Store failures propagate.</summary>
    public async Task<Voucher?> MintAsync(Payment payment, string reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Status != PaymentStatus.Paid)
        {
            return null;
        }

        var voucher = await payments.MintVoucherAsync(payment.Id, cancellationToken).ConfigureAwait(false);
        Report(payment, voucher, null, reader);
        return voucher;
    }

    /// <summary>
    /// Counts and logs what a mint did: a new voucher for <paramref name="before"/> (the payment as the reader saw it),
    /// or a failure that the next reader will repair.
    /// </summary>
    public void Report(Payment before, Voucher? voucher, Exception? failure, string reader)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (failure is not null)
        {
            logger.LogError(failure, "Minting the voucher of paid payment {PaymentId} failed ({Reader}); the next reader mints it", before.MaskedId, reader);
        }
        else if (voucher is not null && before.VoucherCode is null)
        {
            // Counted by the reader that saw no voucher; two racing readers may both count (the voucher is still one).
            metrics.VoucherMinted(reader);
            logger.LogInformation("Voucher {Voucher} minted for payment {PaymentId} ({Reader})", voucher.Code.Masked, before.MaskedId, reader);
        }
    }
}
