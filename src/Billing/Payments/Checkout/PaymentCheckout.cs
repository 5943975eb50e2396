using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Diagnostics;
using WifiBilling.Billing.Payments.Status;

namespace WifiBilling.Billing.Payments.Checkout;

/// <summary>
/// Starts a payment: validates the request, applies the abuse limits, stores the Pending payment BEFORE the STK push
/// (so no callback can arrive for a payment we do not know), sends the push once, and stores the CheckoutRequestID.
/// A refused push fails the payment with a message; a push whose fate is unknown (timeout, 5xx) stays Pending: the
/// customer may have been asked for their PIN, and the callback is matched by phone and amount when it comes.
/// </summary>
public sealed class PaymentCheckout(
    IPlanStore plans,
    IRouterStore routers,
    IPaymentStore payments,
    IDarajaClient daraja,
    PushLimitGuard limits,
    PhoneLocks phoneLocks,
    InFlightPushes inFlight,
    PaymentCallbackUrls callbackUrls,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    PaymentMetrics metrics,
    ILogger<PaymentCheckout> logger)
{
    private const string FallbackAccountReference = "WiFi";

    /// <summary>
    /// Returns the stored payment: Pending (push accepted or outcome unknown) or Failed (push refused). Throws
    /// <see cref="BillingValidationException"/> naming the field, <see cref="BillingConflictException"/> when a push is
    /// already open on the phone, <see cref="PaymentLimitExceededException"/> when an abuse limit is reached.
    /// </summary>
    public async Task<Payment> StartAsync(PurchaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var initiation = await ValidateAsync(request, cancellationToken).ConfigureAwait(false);

        Payment payment;
        using (await phoneLocks.AcquireAsync(initiation.Phone.Value, cancellationToken).ConfigureAwait(false))
        {
            await limits.CheckAsync(initiation.Phone, initiation.Mac, initiation.ClientIp, initiation.RouterId, cancellationToken).ConfigureAwait(false);
            payment = await payments.CreateAsync(Payment.Initiate(initiation, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        metrics.StatusChanged(PaymentStatus.Pending);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = payment.MaskedId });

        // From here on the customer's phone may ring: finish recording whatever happens to the HTTP request.
        return await PushAsync(payment, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<PaymentInitiation> ValidateAsync(PurchaseRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PlanId))
        {
            throw new BillingValidationException("planId", "is required");
        }

        var phone = PhoneNumber.Parse(request.Phone, "phone");
        var mac = string.IsNullOrWhiteSpace(request.Mac) ? null : MacAddress.Parse(request.Mac, "mac");
        string? clientIp = null;
        if (!string.IsNullOrWhiteSpace(request.ClientIp))
        {
            clientIp = IPAddress.TryParse(request.ClientIp.Trim(), out var address)
                ? address.ToString()
                : throw new BillingValidationException("ip", "must be an IPv4 or IPv6 address");
        }

        string? routerId = null;
        if (!string.IsNullOrWhiteSpace(request.Router))
        {
            var wanted = request.Router.Trim();
            var known = await routers.ListAsync(cancellationToken).ConfigureAwait(false);
            var router = known.FirstOrDefault(r => r.Enabled
                && (string.Equals(r.NasIdentifier, wanted, StringComparison.OrdinalIgnoreCase) || r.Id == wanted));
            routerId = router?.Id ?? throw new BillingValidationException("router", "is not a known hotspot (NAS-Identifier)");
        }

        var plan = await plans.FindAsync(request.PlanId.Trim(), cancellationToken).ConfigureAwait(false)
            ?? throw new BillingValidationException("planId", "does not exist");
        return new PaymentInitiation(plan, phone, routerId, mac, clientIp);
    }

    private async Task<Payment> PushAsync(Payment payment, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var pushing = inFlight.Begin(payment.Id);
        StkPushAccepted accepted;
        try
        {
            var reference = DarajaClient.SanitizeReference(settings.AccountReference ?? payment.Plan.Name, DarajaClient.AccountReferenceMaxLength);
            accepted = await daraja.StkPushAsync(
                new StkPushRequest(
                    payment.Phone.Value,
                    payment.AmountKes,
                    reference.Length > 0 ? reference : FallbackAccountReference,
                    settings.TransactionDescription,
                    callbackUrls.StkCallback),
                cancellationToken).ConfigureAwait(false);
        }
        catch (DarajaException ex) when (ex.IsOutcomeUnknown)
        {
            metrics.Push("unknown");
            logger.LogWarning(
                "STK push of payment {PaymentId} to {Phone} for {Amount} KES has an unknown outcome ({Kind}); it stays pending and its callback will be matched by phone and amount",
                payment.MaskedId, payment.Phone.Masked, payment.AmountKes, ex.Kind);
            return payment;
        }
        catch (DarajaException ex)
        {
            metrics.Push("refused");
            logger.LogWarning("Daraja refused the STK push of payment {PaymentId} to {Phone}: {Kind} {ErrorCode} {Message}",
                payment.MaskedId, payment.Phone.Masked, ex.Kind, ex.ErrorCode, ex.Message);
            return await FailAsync(payment, PushFailureCodes.For(ex), Describe(ex), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // Our own set-up (no callback URL, Daraja not configured): nothing was sent.
            metrics.Push("not-sent");
            logger.LogError(ex, "The STK push of payment {PaymentId} to {Phone} was not sent", payment.MaskedId, payment.Phone.Masked);
            return await FailAsync(payment, PushFailureCodes.NotSent, ex.Message, cancellationToken).ConfigureAwait(false);
        }

        metrics.Push("accepted");
        try
        {
            var firstQueryAt = time.GetUtcNow() + settings.Reconciler.FirstQueryDelay;
            return await payments.AttachCheckoutAsync(
                    payment.Id, accepted.CheckoutRequestId, accepted.MerchantRequestId, firstQueryAt, cancellationToken).ConfigureAwait(false)
                ?? payment;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The push went out but we could not store its id: the callback is still matched by phone and amount.
            logger.LogError(ex, "Could not store CheckoutRequestID {CheckoutRequestId} of payment {PaymentId}", accepted.CheckoutRequestId, payment.MaskedId);
            return payment;
        }
    }

    private async Task<Payment> FailAsync(Payment payment, string resultCode, string resultDesc, CancellationToken cancellationToken)
    {
        var failed = await payments.MarkPushFailedAsync(payment.Id, resultCode, Truncate(resultDesc), cancellationToken).ConfigureAwait(false);
        if (failed?.Status == PaymentStatus.Failed)
        {
            metrics.StatusChanged(PaymentStatus.Failed);
        }

        return failed ?? payment;
    }

    private static string Describe(DarajaException ex) => ex.ErrorCode is null ? ex.Message : $"{ex.ErrorCode} {ex.Message}";

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
