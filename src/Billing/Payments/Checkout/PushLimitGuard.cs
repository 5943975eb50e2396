using System.Globalization;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Diagnostics;

namespace WifiBilling.Billing.Payments.Checkout;

/// <summary>
/// The STK-push abuse limits (<see cref="PushLimitOptions"/>), counted in the store so they hold across restarts and
/// instances: one open push per phone (409), then per phone, MAC and IP within the window (429).
/// </summary>
public sealed class PushLimitGuard(IPaymentStore payments, IOptions<PaymentsOptions> options, TimeProvider time, PaymentMetrics metrics)
{
    /// <summary>Pushes that still hold the customer's attention or bought something; refused and cancelled ones do not count.</summary>
    private static readonly PaymentStatus[] s_live = [PaymentStatus.Pending, PaymentStatus.Paid];

    private static readonly PaymentStatus[] s_waiting = [PaymentStatus.Pending];

    /// <summary>Most payments of one hotspot looked at when counting an address there (more would be a flood anyway).</summary>
    private const int MaxPaymentsPerRouterWindow = PageRequest.MaxLimit;

    /// <summary>
    /// Throws <see cref="BillingConflictException"/> (a push is open on the phone) or <see cref="PaymentLimitExceededException"/>.
    /// The address counts within the hotspot (<paramref name="routerId"/>) when known: hotspot LANs reuse the same
    /// private ranges (10.5.50.0/24 on every default MikroTik), so one address is many customers across sites.
    /// </summary>
    public async Task CheckAsync(PhoneNumber phone, MacAddress? mac, string? clientIp, string? routerId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();

        // Daraja itself refuses a second prompt while one is open ("Unable to lock subscriber"); a push older than
        // the give-up time is about to be timed out by the reconciler and no longer blocks the phone.
        var waiting = await payments.CountAsync(
            new PaymentCountQuery(now - settings.Reconciler.GiveUpAfter, Phone: phone, Statuses: s_waiting), cancellationToken).ConfigureAwait(false);
        if (waiting > 0)
        {
            metrics.PushLimited("open-push");
            throw new BillingConflictException(
                "A payment request is already waiting on this phone. Enter your M-Pesa PIN or cancel the prompt, then try again.");
        }

        var limits = settings.PushLimits;
        var since = now - limits.Window;
        await CheckAsync("phone", "this phone", new PaymentCountQuery(since, Phone: phone), limits.PerPhone, limits.AttemptsPerPhone, cancellationToken)
            .ConfigureAwait(false);
        if (mac is not null)
        {
            await CheckAsync("mac", "this device", new PaymentCountQuery(since, Mac: mac), limits.PerMac, limits.AttemptsPerMac, cancellationToken)
                .ConfigureAwait(false);
        }

        if (clientIp is null)
        {
            return;
        }

        if (routerId is null)
        {
            await CheckAsync("ip", "this address", new PaymentCountQuery(since, ClientIp: clientIp), limits.PerIp, limits.AttemptsPerIp, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var atHotspot = await payments.ListAsync(
            new PaymentQuery(RouterId: routerId, CreatedFrom: since, Limit: MaxPaymentsPerRouterWindow), cancellationToken).ConfigureAwait(false);
        var fromAddress = atHotspot.Items.Where(p => p.ClientIp == clientIp).ToList();
        Enforce("ip", "this address", fromAddress.Count(p => s_live.Contains(p.Status)), fromAddress.Count, limits.PerIp, limits.AttemptsPerIp);
    }

    private async Task CheckAsync(string key, string what, PaymentCountQuery query, int liveLimit, int attemptLimit, CancellationToken cancellationToken)
    {
        var live = await payments.CountAsync(query with { Statuses = s_live }, cancellationToken).ConfigureAwait(false);
        var all = live >= liveLimit ? live : await payments.CountAsync(query, cancellationToken).ConfigureAwait(false);
        Enforce(key, what, live, all, liveLimit, attemptLimit);
    }

    private void Enforce(string key, string what, long live, long all, int liveLimit, int attemptLimit)
    {
        if (live < liveLimit && all < attemptLimit)
        {
            return;
        }

        metrics.PushLimited(key);
        var minutes = Math.Max(1, (int)Math.Ceiling(options.Value.PushLimits.Window.TotalMinutes));
        throw new PaymentLimitExceededException(
            key,
            string.Create(CultureInfo.InvariantCulture,
                $"Too many payment requests from {what} in the last {minutes} minutes. Please wait a few minutes and try again."));
    }
}
