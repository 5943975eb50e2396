using System.Globalization;
using System.Text.Json;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// Daraja's field validation of an STK push, in the documented order (daraja.md §8.3); the first failure is the
/// answer, as 400.002.02 "Bad Request - Invalid X". Numbers are accepted as JSON numbers or numeric strings.
/// </summary>
internal static class StkPushValidator
{
    public const long MaxAmount = 250_000;
    private static readonly string[] s_forbiddenWords = ["mpesa", "m-pesa", "safaricom", "exe", "exec", "cmd", "sql", "query"];

    /// <summary>Null and the push, or the name of the first invalid field.</summary>
    public static (ValidatedStkPush? Push, string? InvalidField) Validate(
        JsonElement body, DarajaSimulatorOptions options, DateTimeOffset now)
    {
        var shortCode = SimulatorJson.NumberOrString(body, "BusinessShortCode");
        if (!IsShortCode(shortCode))
        {
            return Invalid("BusinessShortCode");
        }

        var timestamp = SimulatorJson.NumberOrString(body, "Timestamp");
        if (timestamp is null || !SimulatorClock.TryParseKenyaTimestamp(timestamp, out var sentAt)
            || (options.TimestampTolerance is { } tolerance && (sentAt - now).Duration() > tolerance))
        {
            return Invalid("Timestamp");
        }

        var transactionType = SimulatorJson.String(body, "TransactionType");
        if (transactionType is not ("CustomerPayBillOnline" or "CustomerBuyGoodsOnline"))
        {
            return Invalid("TransactionType");
        }

        var amountText = SimulatorJson.NumberOrString(body, "Amount");
        if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount != decimal.Truncate(amount) || amount < 1 || amount > MaxAmount)
        {
            return Invalid("Amount");
        }

        var partyA = SimulatorJson.NumberOrString(body, "PartyA");
        if (!IsMsisdn(partyA))
        {
            return Invalid("PartyA");
        }

        var partyB = SimulatorJson.NumberOrString(body, "PartyB");
        if (!IsShortCode(partyB))
        {
            return Invalid("PartyB");
        }

        var phoneNumber = SimulatorJson.NumberOrString(body, "PhoneNumber");
        if (!IsMsisdn(phoneNumber))
        {
            return Invalid("PhoneNumber");
        }

        var callbackUrl = SimulatorJson.String(body, "CallBackURL");
        if (!IsAcceptableCallbackUrl(callbackUrl, options.Production))
        {
            return Invalid("CallBackURL");
        }

        var accountReference = SimulatorJson.NumberOrString(body, "AccountReference");
        if (string.IsNullOrWhiteSpace(accountReference) || accountReference.Length > 12)
        {
            return Invalid("AccountReference");
        }

        // TransactionDesc may be left out, but an explicit null has been refused as "Invalid Remarks" (frappe PR #123).
        string? description = null;
        if (body.TryGetProperty("TransactionDesc", out var descriptionElement))
        {
            if (descriptionElement.ValueKind == JsonValueKind.Null)
            {
                return Invalid("Remarks");
            }

            description = SimulatorJson.NumberOrString(body, "TransactionDesc");
            if (description is null || description.Length > 13)
            {
                return Invalid("TransactionDesc");
            }
        }

        return (new ValidatedStkPush(shortCode!, SimulatorJson.String(body, "Password") ?? string.Empty, timestamp,
            transactionType, (long)amount, partyA!, partyB!, phoneNumber!, callbackUrl!, accountReference,
            description ?? string.Empty), null);
    }

    public static bool IsShortCode(string? value) => value is { Length: >= 5 and <= 7 } && value.All(char.IsAsciiDigit);

    /// <summary>^254(7|1)\d{8}$: Safaricom also issues 2541… numbers, which the docs' 2547 pattern misses.</summary>
    public static bool IsMsisdn(string? value) =>
        value is { Length: 12 } && value.StartsWith("254", StringComparison.Ordinal) && value[3] is '7' or '1'
        && value.All(char.IsAsciiDigit);

    /// <summary>https (http only in sandbox), no spaces, no upper-case host, none of Daraja's forbidden words (§6).</summary>
    public static bool IsAcceptableCallbackUrl(string? url, bool production)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && (production || uri.Scheme != Uri.UriSchemeHttp)))
        {
            return false;
        }

        var authority = url[(uri.Scheme.Length + 3)..].Split('/', 2)[0];
        return !authority.Any(char.IsAsciiLetterUpper)
            && !s_forbiddenWords.Any(word => url.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private static (ValidatedStkPush?, string?) Invalid(string field) => (null, field);
}
