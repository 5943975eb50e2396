using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Payments;

/// <summary>
/// With real Daraja credentials, Safaricom needs a public address to post payment results to: without
/// <c>Daraja:CallbackBaseUrl</c> every push would be paid into a void. Not checked in demo mode (the Portal's own
/// address is used there).
/// </summary>
public sealed class PaymentsDarajaOptionsValidator(IOptions<PaymentsOptions> payments) : IValidateOptions<DarajaOptions>
{
    public ValidateOptionsResult Validate(string? name, DarajaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsConfigured && options.CallbackBaseUrl is null && !payments.Value.Simulated
            ? ValidateOptionsResult.Fail(
                "Daraja:CallbackBaseUrl is required when the Daraja credentials are set: the public address Safaricom posts "
                + "payment results to, e.g. https://wifi.example.co.ke (reachable from the Internet, https in production).")
            : ValidateOptionsResult.Success;
    }
}
