using System.Globalization;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>
/// Query of <c>GET /api/admin/payments</c> and its CSV export, taken as text so a bad value is a 400 naming its field:
/// <c>status</c> (pending, paid, failed, cancelled, timed-out), <c>phone</c>, <c>routerId</c>, <c>planId</c>,
/// <c>from</c>/<c>to</c> (ISO 8601, creation time, <c>to</c> exclusive), <c>offset</c>, <c>limit</c>.
/// </summary>
public sealed record AdminPaymentFilter(
    string? Status,
    string? Phone,
    string? RouterId,
    string? PlanId,
    string? From,
    string? To,
    string? Offset,
    string? Limit)
{
    public PaymentQuery ToQuery()
    {
        var offset = Number(Offset, "offset", 0);
        var limit = Number(Limit, "limit", PageRequest.DefaultLimit);
        PageRequest.Validate(offset, limit);
        return new PaymentQuery(
            ParseStatus(Status),
            string.IsNullOrWhiteSpace(Phone) ? null : PhoneNumber.Parse(Phone, "phone"),
            Blank(RouterId),
            Blank(PlanId),
            Time(From, "from"),
            Time(To, "to"),
            offset,
            limit);
    }

    private static PaymentStatus? ParseStatus(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Replace("-", string.Empty, StringComparison.Ordinal).Trim();
        return Enum.TryParse<PaymentStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(name, out _)
            ? status
            : throw new BillingValidationException("status", "must be pending, paid, failed, cancelled or timed-out");
    }

    private static DateTimeOffset? Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new BillingValidationException(field, "must be an ISO 8601 date or date-time, e.g. 2025-01-31 or 2025-01-31T08:00:00Z");
    }

    private static int Number(string? text, string field, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BillingValidationException(field, "must be a whole number");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
