using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Daraja.Callbacks;
using WifiBilling.Billing.Payments.Recovery;

namespace WifiBilling.Billing.Payments.C2B;

/// <summary>
/// Direct payments to the PayBill/Till (daraja.md §5). Validation (only when Safaricom enabled it for the shortcode)
/// refuses malformed notifications with the C2B0001x codes, another shortcode, and amounts that buy no plan.
/// Confirmation records the payment by TransID (idempotent) before answering; the customer then recovers a voucher
/// with the receipt and their phone.
/// </summary>
public sealed class C2BNotificationHandler(
    IPaymentStore payments,
    IPlanStore plans,
    IOptions<PaymentsOptions> options,
    IOptions<DarajaOptions> daraja,
    TimeProvider time,
    ILogger<C2BNotificationHandler> logger)
{
    public async Task<DarajaCallbackReply> ValidateAsync(string rawBody, CancellationToken cancellationToken)
    {
        var parsed = C2BNotificationParser.Parse(rawBody);
        if (!parsed.IsSuccess)
        {
            logger.LogWarning("Refused a C2B validation that could not be read: {Error}", parsed.Error);
            return parsed.Error.Contains("TransAmount", StringComparison.Ordinal)
                ? DarajaCallbackReply.InvalidAmount
                : DarajaCallbackReply.OtherError;
        }

        var notification = parsed.Value;
        if (!IsOurShortCode(notification.BusinessShortCode))
        {
            logger.LogWarning("Refused C2B payment {TransId}: it is for shortcode {ShortCode}, not ours", notification.TransId, notification.BusinessShortCode);
            return DarajaCallbackReply.InvalidShortCode;
        }

        if (options.Value.C2B.RejectAmountsBelowCheapestPlan)
        {
            var active = await plans.ListActiveAsync(null, cancellationToken).ConfigureAwait(false);
            if (active.Count > 0 && PlanForAmount.Choose(active, notification.TransAmount) is null)
            {
                logger.LogInformation("Refused C2B payment {TransId}: {Amount} KES buys no plan", notification.TransId, notification.TransAmount);
                return DarajaCallbackReply.InvalidAmount;
            }
        }

        return DarajaCallbackReply.Accepted;
    }

    public async Task<C2BConfirmationResult> ConfirmAsync(string rawBody, CancellationToken cancellationToken)
    {
        var parsed = C2BNotificationParser.Parse(rawBody);
        if (!parsed.IsSuccess)
        {
            // The money has moved but we cannot tell whose or how much: the operator must look in the M-Pesa portal.
            logger.LogError("A C2B confirmation could not be read and was not recorded: {Error}", parsed.Error);
            return new C2BConfirmationResult(false, parsed.Error);
        }

        var notification = parsed.Value;
        var payment = C2BPayment.Receive(
            notification.TransId,
            notification.TransAmount,
            notification.BillRefNumber,
            notification.Msisdn,
            notification.BusinessShortCode,
            notification.TransTime,
            rawBody,
            time.GetUtcNow());
        var recorded = await payments.RecordC2BAsync(payment, cancellationToken).ConfigureAwait(false);
        if (recorded.Created)
        {
            logger.LogInformation("C2B payment {TransId} of {Amount} KES recorded; the customer recovers a voucher with it", notification.TransId, notification.TransAmount);
        }
        else
        {
            logger.LogInformation("Duplicate C2B confirmation {TransId} ignored", notification.TransId);
        }

        return new C2BConfirmationResult(true);
    }

    private bool IsOurShortCode(string shortCode)
    {
        var settings = daraja.Value;
        return string.IsNullOrEmpty(shortCode)
            || (settings.ShortCode is null && settings.TillNumber is null)
            || shortCode == settings.ShortCode
            || shortCode == settings.TillNumber;
    }
}
