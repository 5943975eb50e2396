namespace WifiBilling.Billing.Payments.Callbacks;

/// <summary>
/// The public base URL Daraja posts callbacks to. Normally <c>Daraja:CallbackBaseUrl</c>; in demo mode the Portal's
/// own address, known only once the server has started (so it is resolved on each use).
/// </summary>
public interface IPaymentCallbackBaseUrl
{
    Uri Resolve();
}
