namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// Safaricom's rules for URLs it posts to (daraja.md §6 "Callback URL requirements"): production URLs must be https,
/// and URLs containing M-Pesa/Safaricom/exe/exec/cmd/sql/query in any case are refused ("Invalid CallBackURL").
/// A hex secret in the path can never spell one of these words, which is why the payment code should use hex.
/// </summary>
public static class DarajaCallbackUrlRules
{
    private static readonly string[] s_forbiddenWords = ["mpesa", "m-pesa", "safaricom", "exe", "exec", "cmd", "sql", "query"];

    /// <summary>The words Daraja refuses in a callback URL (case-insensitive substrings).</summary>
    public static IReadOnlyList<string> ForbiddenWords => s_forbiddenWords;

    /// <summary>Returns null when <paramref name="url"/> is acceptable, otherwise a sentence saying why not.</summary>
    public static string? Check(Uri? url, DarajaEnvironment environment)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            return "must be an absolute http(s) URL";
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return "must use http or https";
        }

        if (environment == DarajaEnvironment.Production && url.Scheme != Uri.UriSchemeHttps)
        {
            return "must use https in production (Daraja refuses http callback URLs there)";
        }

        var text = url.OriginalString;
        if (text.Any(char.IsWhiteSpace))
        {
            return "must not contain spaces (Daraja answers \"Invalid CallBackURL\")";
        }

        foreach (var word in s_forbiddenWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return $"must not contain the word \"{word}\" in any case (Daraja refuses such URLs)";
            }
        }

        return null;
    }
}
