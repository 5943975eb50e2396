using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Payments.Callbacks;

/// <summary><c>Daraja:CallbackBaseUrl</c>, required (and validated at start) whenever Daraja credentials are set.</summary>
public sealed class ConfiguredPaymentCallbackBaseUrl(IOptions<DarajaOptions> options) : IPaymentCallbackBaseUrl
{
    public Uri Resolve() =>
        options.Value.CallbackBaseUrl
        ?? throw new InvalidOperationException("Daraja:CallbackBaseUrl is not set: Daraja has nowhere to post payment results.");
}
