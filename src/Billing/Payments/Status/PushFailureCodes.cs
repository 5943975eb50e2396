using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Payments.Status;

/// <summary>
/// The ResultCode stored on a payment whose STK push Daraja refused (no prompt reached the phone): <c>push:</c> +
/// the error kind (+ <c>:</c> + the field Daraja named). Daraja's own ResultCodes never start with <c>push:</c>.
/// </summary>
public static class PushFailureCodes
{
    public const string Prefix = "push:";

    public static string For(DarajaException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Field is null ? $"{Prefix}{error.Kind}" : $"{Prefix}{error.Kind}:{error.Field}";
    }

    /// <summary>Our own set-up problem (e.g. no callback URL): the push was never sent.</summary>
    public static string NotSent => Prefix + "NotSent";

    public static bool IsPushFailure(string? resultCode) =>
        resultCode is not null && resultCode.StartsWith(Prefix, StringComparison.Ordinal);
}
