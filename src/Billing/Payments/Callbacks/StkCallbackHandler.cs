using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Payments.Checkout;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Daraja.Callbacks;
using WifiBilling.Billing.Payments.Diagnostics;

namespace WifiBilling.Billing.Payments.Callbacks;

/// <summary>
/// Handles one STK callback body whose URL key has already been checked. The caller acknowledges Daraja only after
/// this returns, and everything this does is durable by then (daraja.md §6: "Persist the raw payload").
/// <list type="number">
/// <item>Parse tolerantly (<see cref="StkCallbackParser"/>); unreadable → <see cref="StkCallbackResult.Malformed"/>.</item>
/// <item>Find the payment by CheckoutRequestID, waiting briefly for pushes still in flight here (a callback can
/// overtake the push answer).</item>
/// <item>A success whose Amount differs from the payment's is kept for audit and not applied (suspicious).</item>
/// <item>Record raw body + outcome in one durable write; duplicates are no-ops; a paid payment mints its voucher.</item>
/// <item>A success nobody can take (unknown CheckoutRequestID and no unanswered push for that phone and amount, or a
/// payment already failed) is kept by its receipt, so the customer can still recover a voucher: money received
/// always becomes internet.</item>
/// </list>
/// </summary>
public sealed class StkCallbackHandler(
    IPaymentStore payments,
    InFlightPushes inFlight,
    PaymentVoucherMinter minter,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    PaymentMetrics metrics,
    ILogger<StkCallbackHandler> logger)
{
    /// <summary>Most unanswered pushes looked at when matching a callback by phone (one phone has very few).</summary>
    private const int MatchCandidates = 20;

    public async Task<StkCallbackHandling> HandleAsync(string rawBody, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var parsed = StkCallbackParser.Parse(rawBody);
        if (!parsed.IsSuccess)
        {
            metrics.Callback("malformed");
            logger.LogWarning("Refused an STK callback that could not be read: {Error}", parsed.Error);
            return new StkCallbackHandling(StkCallbackResult.Malformed, Error: parsed.Error);
        }

        var callback = parsed.Value;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CheckoutRequestId"] = callback.CheckoutRequestId });
        var payment = await payments.FindByCheckoutRequestIdAsync(callback.CheckoutRequestId, cancellationToken).ConfigureAwait(false);
        if (payment is null && await inFlight.WaitForCurrentAsync(options.Value.InFlightPushWait, cancellationToken).ConfigureAwait(false))
        {
            payment = await payments.FindByCheckoutRequestIdAsync(callback.CheckoutRequestId, cancellationToken).ConfigureAwait(false);
        }

        var handling = payment is null
            ? await HandleUnknownAsync(callback, rawBody, cancellationToken).ConfigureAwait(false)
            : await ApplyAsync(payment, callback, rawBody, StkCallbackResult.Applied, cancellationToken).ConfigureAwait(false);
        metrics.Callback(ResultTag(handling.Result));
        metrics.CallbackHandled(Stopwatch.GetElapsedTime(started));
        return handling;
    }

    private async Task<StkCallbackHandling> ApplyAsync(
        Payment payment, StkCallback callback, string rawBody, StkCallbackResult appliedAs, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = payment.MaskedId });
        var info = callback.Result;
        if (callback.IsSuccess && callback.Amount is { } paid && paid != payment.AmountKes)
        {
            // Not paid on this callback's word: the amount is not what the customer was asked for. Keep it for audit;
            // STK Query still settles the payment truthfully.
            await payments.RecordRejectedCallbackAsync(callback.CheckoutRequestId, rawBody, cancellationToken).ConfigureAwait(false);
            logger.LogWarning(
                "SUSPICIOUS STK callback for payment {PaymentId}: {PaidAmount} KES paid for a payment of {Amount} KES; kept for audit, not applied",
                payment.MaskedId, paid, payment.AmountKes);
            return new StkCallbackHandling(StkCallbackResult.AmountMismatch, payment);
        }

        if (info.Outcome == StkPaymentOutcome.Pending)
        {
            // A callback is a final answer; "still processing" (4999) in one is not something to apply.
            await payments.RecordRejectedCallbackAsync(callback.CheckoutRequestId, rawBody, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("STK callback for payment {PaymentId} says ResultCode {ResultCode} (still processing); kept for audit, not applied",
                payment.MaskedId, callback.ResultCode.Value);
            return new StkCallbackHandling(StkCallbackResult.Ignored, payment);
        }

        var outcome = ToOutcome(callback, info);

        // Record and, if paid, mint in one durable step: the callback's hot path (one commit on SQLite).
        var recorded = await payments.RecordCallbackAndMintAsync(callback.CheckoutRequestId, outcome, rawBody, cancellationToken).ConfigureAwait(false);
        var current = recorded.Outcome.Payment ?? payment;
        minter.Report(payment, recorded.Voucher, recorded.MintFailure, "callback");
        switch (recorded.Outcome.Disposition)
        {
            case OutcomeDisposition.Applied:
                metrics.StatusChanged(outcome.Status);
                logger.LogInformation("Payment {PaymentId} is {Status} by callback (ResultCode {ResultCode})",
                    payment.MaskedId, outcome.Status, callback.ResultCode.Value);
                break;
            case OutcomeDisposition.AlreadyApplied:
                appliedAs = StkCallbackResult.Duplicate;
                logger.LogInformation("Duplicate STK callback for payment {PaymentId} ignored (already {Status})", payment.MaskedId, current.Status);
                break;
            case OutcomeDisposition.Ignored when outcome.Status == PaymentStatus.Paid:
                // Paid after we recorded a final failure (the sandbox query has contradicted callbacks): the money
                // must still buy internet, so keep it for recovery by receipt.
                logger.LogError("Payment {PaymentId} was {Status} but its callback reports money received; keeping the receipt for recovery",
                    payment.MaskedId, current.Status);
                return await KeepForRecoveryAsync(callback, rawBody, cancellationToken).ConfigureAwait(false);
            case OutcomeDisposition.Ignored:
                appliedAs = StkCallbackResult.Ignored;
                logger.LogWarning("STK callback (ResultCode {ResultCode}) ignored: payment {PaymentId} is already {Status}",
                    callback.ResultCode.Value, payment.MaskedId, current.Status);
                break;
            default:
                return new StkCallbackHandling(StkCallbackResult.Unknown);
        }

        return new StkCallbackHandling(appliedAs, current);
    }

    private async Task<StkCallbackHandling> HandleUnknownAsync(StkCallback callback, string rawBody, CancellationToken cancellationToken)
    {
        if (!callback.IsSuccess)
        {
            logger.LogWarning("STK callback (ResultCode {ResultCode}) for unknown CheckoutRequestID {CheckoutRequestId} ignored: no money moved",
                callback.ResultCode.Value, callback.CheckoutRequestId);
            return new StkCallbackHandling(StkCallbackResult.Unknown);
        }

        if (await FindUnansweredPushAsync(callback, cancellationToken).ConfigureAwait(false) is { } unanswered)
        {
            try
            {
                var attached = await payments.AttachCheckoutAsync(
                    unanswered.Id, callback.CheckoutRequestId, callback.MerchantRequestId, null, cancellationToken).ConfigureAwait(false);
                if (attached is not null)
                {
                    logger.LogWarning("STK callback for an unknown CheckoutRequestID matched to payment {PaymentId} (same phone and amount, push outcome was unknown)",
                        attached.MaskedId);
                    return await ApplyAsync(attached, callback, rawBody, StkCallbackResult.MatchedByPhone, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (BillingConflictException ex)
            {
                // The payment learnt another CheckoutRequestID meanwhile: it is not this push.
                logger.LogWarning(ex, "Payment {PaymentId} could not take the callback's CheckoutRequestID", unanswered.MaskedId);
            }
        }

        return await KeepForRecoveryAsync(callback, rawBody, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one Pending/TimedOut payment with no CheckoutRequestID for this phone and amount, recent enough.</summary>
    private async Task<Payment?> FindUnansweredPushAsync(StkCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Amount is not { } amount || !PhoneNumber.TryParse(callback.PhoneNumber, out var phone))
        {
            return null;
        }

        var since = time.GetUtcNow() - options.Value.UnmatchedCallbackWindow;
        var recent = await payments.ListAsync(new PaymentQuery(Phone: phone, CreatedFrom: since, Limit: MatchCandidates), cancellationToken)
            .ConfigureAwait(false);
        var candidates = recent.Items
            .Where(p => p.CheckoutRequestId is null && p.AmountKes == amount && p.Status is PaymentStatus.Pending or PaymentStatus.TimedOut)
            .Take(2)
            .ToList();

        // Two candidates would be a guess: keep the money for recovery instead of crediting the wrong push.
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private async Task<StkCallbackHandling> KeepForRecoveryAsync(StkCallback callback, string rawBody, CancellationToken cancellationToken)
    {
        if (callback.MpesaReceiptNumber is not { Length: > 0 and <= 40 } receipt || callback.Amount is not > 0)
        {
            logger.LogError("Successful STK callback {CheckoutRequestId} has no receipt or amount and matches no payment; it cannot be kept for recovery",
                callback.CheckoutRequestId);
            return new StkCallbackHandling(StkCallbackResult.Unknown);
        }

        // Stored like a direct (C2B) payment: by receipt, with the payer's number, recovered with receipt + phone.
        var kept = C2BPayment.Receive(
            receipt,
            callback.Amount.Value,
            billRefNumber: "STK " + callback.CheckoutRequestId,
            msisdn: callback.PhoneNumber,
            businessShortCode: null,
            transTime: callback.TransactionDate,
            rawPayload: rawBody,
            now: time.GetUtcNow());
        await payments.RecordC2BAsync(kept, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Money received with receipt {Receipt} (CheckoutRequestID {CheckoutRequestId}) matches no payment; kept for recovery by receipt and phone",
            receipt, callback.CheckoutRequestId);
        return new StkCallbackHandling(StkCallbackResult.KeptForRecovery);
    }

    private static PaymentOutcome ToOutcome(StkCallback callback, StkResultInfo info) => info.Outcome switch
    {
        StkPaymentOutcome.Paid => PaymentOutcome.Paid(
            callback.ResultCode.Value, callback.ResultDesc, callback.MpesaReceiptNumber, callback.Amount, callback.TransactionDate),
        StkPaymentOutcome.Cancelled => PaymentOutcome.Unpaid(PaymentStatus.Cancelled, callback.ResultCode.Value, callback.ResultDesc),
        StkPaymentOutcome.TimedOut => PaymentOutcome.Unpaid(PaymentStatus.TimedOut, callback.ResultCode.Value, callback.ResultDesc),
        _ => PaymentOutcome.Unpaid(PaymentStatus.Failed, callback.ResultCode.Value, callback.ResultDesc),
    };

    private static string ResultTag(StkCallbackResult result) => result switch
    {
        StkCallbackResult.AmountMismatch => "amount-mismatch",
        StkCallbackResult.MatchedByPhone => "matched-by-phone",
        StkCallbackResult.KeptForRecovery => "kept-for-recovery",
        _ => result.ToString().ToLowerInvariant(),
    };
}
