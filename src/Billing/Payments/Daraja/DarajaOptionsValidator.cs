using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>Start-up validation of <see cref="DarajaOptions"/>; every message names the setting to fix.</summary>
public sealed class DarajaOptionsValidator : IValidateOptions<DarajaOptions>
{
    public ValidateOptionsResult Validate(string? name, DarajaOptions options)
    {
        var errors = new List<string>();

        if (options.IsConfigured)
        {
            Require(errors, options.ShortCode, "Daraja:ShortCode (SHORTCODE)");
            Require(errors, options.PassKey, "Daraja:PassKey (PASSKEY)");
        }
        else if (!string.IsNullOrWhiteSpace(options.ConsumerKey) || !string.IsNullOrWhiteSpace(options.ConsumerSecret))
        {
            errors.Add("Daraja:ConsumerKey (MPESA_CONSUMER_KEY) and Daraja:ConsumerSecret (MPESA_CONSUMER_SECRET) must be set together.");
        }

        if (!string.IsNullOrWhiteSpace(options.ShortCode) && !IsShortCode(options.ShortCode))
        {
            errors.Add("Daraja:ShortCode (SHORTCODE) must be 5 to 7 digits.");
        }

        if (options.TransactionType == DarajaTransactionType.Till)
        {
            if (string.IsNullOrWhiteSpace(options.TillNumber))
            {
                errors.Add("Daraja:TillNumber is required when Daraja:TransactionType is Till (it is PartyB of the STK push).");
            }
            else if (!IsShortCode(options.TillNumber))
            {
                errors.Add("Daraja:TillNumber must be 5 to 7 digits.");
            }
        }

        if (options.BaseUrlOverride is { } baseUrl
            && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("Daraja:BaseUrlOverride must be an absolute http(s) URL.");
        }

        if (options.CallbackBaseUrl is not null
            && DarajaCallbackUrlRules.Check(options.CallbackBaseUrl, options.Environment) is { } callbackProblem)
        {
            errors.Add($"Daraja:CallbackBaseUrl {callbackProblem}.");
        }
        else if (options.CallbackBaseUrl is null && options.IsConfigured && options.Environment == DarajaEnvironment.Production)
        {
            errors.Add("Daraja:CallbackBaseUrl is required in production (the public https address Safaricom posts callbacks to).");
        }

        RequirePositive(errors, options.RequestTimeout, "Daraja:RequestTimeout");
        RequirePositive(errors, options.TokenRequestTimeout, "Daraja:TokenRequestTimeout");
        if (options.TokenRetryCount is < 0 or > 10)
        {
            errors.Add("Daraja:TokenRetryCount must be between 0 and 10.");
        }

        if (options.TokenRetryDelay < TimeSpan.Zero)
        {
            errors.Add("Daraja:TokenRetryDelay must not be negative.");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero)
        {
            errors.Add("Daraja:TokenRefreshMargin must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsShortCode(string value) => value.Length is >= 5 and <= 7 && value.All(char.IsAsciiDigit);

    private static void Require(List<string> errors, string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{setting} is required when the Daraja consumer key and secret are set.");
        }
    }

    private static void RequirePositive(List<string> errors, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{setting} must be greater than zero.");
        }
    }
}
