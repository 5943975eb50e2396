using System.Globalization;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Portal.Contracts.Vouchers;

/// <summary>
/// The query string of <c>GET /api/admin/vouchers</c>, taken as text and parsed here so that a bad value is a 400
/// problem naming its parameter: <c>status</c> (unused|active|expired|revoked), <c>planId</c>, <c>batchId</c>,
/// <c>code</c> (prefix), <c>from</c>/<c>to</c> (creation time, ISO 8601), <c>offset</c>, <c>limit</c>.
/// </summary>
public static class VoucherListQuery
{
    public static VoucherQuery Parse(
        string? status,
        string? planId,
        string? batchId,
        string? code,
        string? from,
        string? to,
        string? offset,
        string? limit) =>
        new(
            ParseStatus(status),
            Blank(planId),
            Blank(batchId),
            CodePrefix(code),
            ParseTime(from, "from"),
            ParseTime(to, "to"),
            ParseInt(offset, "offset") ?? 0,
            ParseInt(limit, "limit") ?? PageRequest.DefaultLimit);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The first symbols of a code as typed (the store normalises them: lower case, O/0, I/L/1).</summary>
    private static string? CodePrefix(string? text)
    {
        var prefix = Blank(text);
        if (prefix is not null && (prefix.Length > VoucherCode.MaxLength * 2
            || !prefix.All(c => c is ' ' or '-' or 'O' or 'o' or 'I' or 'i' or 'L' or 'l' || VoucherCode.Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal))))
        {
            throw new BillingValidationException("code", "must be the first letters and digits of a voucher code");
        }

        return prefix;
    }

    private static VoucherStatus? ParseStatus(string? text) =>
        Blank(text)?.ToLowerInvariant() switch
        {
            null => null,
            "unused" => VoucherStatus.Unused,
            "active" => VoucherStatus.Active,
            "expired" => VoucherStatus.Expired,
            "revoked" => VoucherStatus.Revoked,
            _ => throw new BillingValidationException("status", "must be one of unused, active, expired, revoked"),
        };

    private static DateTimeOffset? ParseTime(string? text, string field) =>
        Blank(text) is not { } value ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new BillingValidationException(field, "must be a date or time such as 2026-01-31 or 2026-01-31T08:00:00Z");

    private static int? ParseInt(string? text, string field) =>
        Blank(text) is not { } value ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw new BillingValidationException(field, "must be a whole number");
}
