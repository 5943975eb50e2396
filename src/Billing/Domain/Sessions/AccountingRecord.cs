using System.Net;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>
/// One Accounting-Request as the billing layer needs it. Counters are cumulative for the session (use
/// <see cref="OctetCounter.Combine"/> for the gigawords). <see cref="VoucherCode"/> is the voucher the session
/// uses (from Class or User-Name), null when unknown. <see cref="NasIpAddress"/> and <see cref="NasIdentifier"/> are
/// kept exactly as the router sent them: a Disconnect-Request must repeat them. <see cref="EventTime"/> is when it
/// happened (Event-Timestamp, or now − Acct-Delay-Time); null means now.
/// </summary>
public sealed record AccountingRecord(
    string RouterId,
    string AcctSessionId,
    AccountingEvent Event,
    string UserName,
    string? VoucherCode = null,
    MacAddress? Mac = null,
    IPAddress? FramedIpAddress = null,
    IPAddress? NasIpAddress = null,
    string? NasIdentifier = null,
    string? Class = null,
    long SessionSeconds = 0,
    long InputBytes = 0,
    long OutputBytes = 0,
    string? TerminateCause = null,
    DateTimeOffset? EventTime = null)
{
    internal void Validate()
    {
        if (string.IsNullOrEmpty(RouterId))
        {
            throw new BillingValidationException("routerId", "is required");
        }

        if (string.IsNullOrEmpty(AcctSessionId) || AcctSessionId.Length > 253)
        {
            throw new BillingValidationException("acctSessionId", "must be 1 to 253 characters (RFC 2866 §5.5)");
        }

        if (!Enum.IsDefined(Event))
        {
            throw new BillingValidationException("event", "must be Start, InterimUpdate or Stop");
        }

        if (SessionSeconds < 0 || InputBytes < 0 || OutputBytes < 0)
        {
            throw new BillingValidationException("counters", "must not be negative");
        }
    }
}
