using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Diagnostics;

namespace WifiBilling.Billing.Payments.Recovery;

/// <summary>
/// "I already paid": phone + M-Pesa receipt → voucher (anchors.md §b.1, "paid but no internet").
/// <list type="bullet">
/// <item>An STK payment with that receipt decides alone: paid and the same phone → its voucher (minted if missing).</item>
/// <item>Otherwise a direct (C2B) payment, or a kept unmatched STK callback, with that TransID whose MSISDN matches the
/// phone (<see cref="MsisdnMatch"/>) → a voucher minted exactly once with the plan the amount buys (<see cref="PlanForAmount"/>).</item>
/// <item>Anything else → null: one answer for a wrong receipt, a wrong phone or an amount that buys nothing, so a guess
/// learns nothing. Attempts are limited per client IP and per phone.</item>
/// </list>
/// </summary>
public sealed class PaymentRecovery(
    IPaymentStore payments,
    IVoucherStore vouchers,
    IPlanStore plans,
    PaymentVoucherMinter minter,
    AttemptLimiter limiter,
    IOptions<PaymentsOptions> options,
    PaymentMetrics metrics,
    ILogger<PaymentRecovery> logger)
{
    private const int MaxReceiptLength = 20;
    private const int MinReceiptLength = 8;

    /// <summary>
    /// Throws <see cref="BillingValidationException"/> for malformed input and <see cref="PaymentLimitExceededException"/>
    /// when rate-limited; null when the pair matches nothing recoverable.
    /// </summary>
    public async Task<RecoveredVoucher?> RecoverAsync(string? phone, string? receipt, string? clientIp, CancellationToken cancellationToken)
    {
        var payer = PhoneNumber.Parse(phone, "phone");
        var transId = NormaliseReceipt(receipt);
        var limits = options.Value.Recovery;
        if (clientIp is not null && !limiter.TryAcquire("recover-ip:" + clientIp, limits.PerIp, limits.Window))
        {
            throw Limited("ip", "this address", limits.Window);
        }

        if (!limiter.TryAcquire("recover-phone:" + payer.Value, limits.PerPhone, limits.Window))
        {
            throw Limited("phone", "this phone", limits.Window);
        }

        var recovered = await FindAsync(payer, transId, cancellationToken).ConfigureAwait(false);
        metrics.Recovery(recovered is null ? "not-found" : "recovered");
        if (recovered is null)
        {
            logger.LogInformation("Recovery for {Phone} with receipt {Receipt} matched nothing", payer.Masked, transId);
        }
        else
        {
            logger.LogInformation("Recovery for {Phone} with receipt {Receipt} returned voucher {Voucher} of payment {PaymentId}",
                payer.Masked, transId, recovered.Voucher.Code.Masked, recovered.PaymentId is { Length: > 8 } id ? id[..8] + "***" : "(direct)");
        }

        return recovered;
    }

    private async Task<RecoveredVoucher?> FindAsync(PhoneNumber payer, string transId, CancellationToken cancellationToken)
    {
        var stk = await payments.FindByReceiptAsync(transId, cancellationToken).ConfigureAwait(false);
        if (stk is not null)
        {
            // The STK payment owns this receipt: only its payer gets its one voucher (never a second from C2B).
            if (stk.Status != PaymentStatus.Paid || stk.Phone != payer)
            {
                return null;
            }

            var voucher = await minter.MintAsync(stk, "recovery", cancellationToken).ConfigureAwait(false);
            return voucher is null ? null : new RecoveredVoucher(stk.Id, voucher);
        }

        var direct = await payments.FindC2BAsync(transId, cancellationToken).ConfigureAwait(false);
        if (direct is null || !MsisdnMatch.Matches(direct.Msisdn, payer))
        {
            return null;
        }

        if (direct.VoucherCode is { } code)
        {
            return await vouchers.FindAsync(code, cancellationToken).ConfigureAwait(false) is { } existing
                ? new RecoveredVoucher(null, existing)
                : null;
        }

        var plan = PlanForAmount.Choose(await plans.ListActiveAsync(null, cancellationToken).ConfigureAwait(false), direct.AmountKes);
        if (plan is null)
        {
            logger.LogWarning("Direct payment {Receipt} of {Amount} KES buys no active plan; the operator must serve it by hand", transId, direct.AmountKes);
            return null;
        }

        var minted = await payments.MintVoucherForC2BAsync(transId, plan.Snapshot(), cancellationToken).ConfigureAwait(false);
        if (minted is not null)
        {
            metrics.VoucherMinted("recovery");
        }

        return minted is null ? null : new RecoveredVoucher(null, minted);
    }

    private static string NormaliseReceipt(string? receipt)
    {
        var text = (receipt ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        return text.Length is >= MinReceiptLength and <= MaxReceiptLength && text.All(char.IsAsciiLetterOrDigit)
            ? text
            : throw new BillingValidationException("receipt", "must be the M-Pesa transaction code from the confirmation message, e.g. NLJ7RT61SV");
    }

    private PaymentLimitExceededException Limited(string key, string what, TimeSpan window)
    {
        metrics.Recovery("limited-" + key);
        return new PaymentLimitExceededException(key,
            $"Too many recovery attempts from {what}. Please wait {Math.Max(1, (int)Math.Ceiling(window.TotalMinutes))} minutes and try again.");
    }
}
