namespace WifiBilling.Billing.Payments.Callbacks;

/// <summary>
/// The URLs given to Daraja, each ending with the secret key: <c>/api/payments/callback/{key}</c> for STK results and
/// <c>/api/payments/c2b/{validation|confirmation}/{key}</c> for direct PayBill/Till payments. Never log them.
/// </summary>
public sealed class PaymentCallbackUrls(IPaymentCallbackBaseUrl baseUrl, PaymentCallbackKey key)
{
    public const string StkCallbackPath = "api/payments/callback";
    public const string C2BValidationPath = "api/payments/c2b/validation";
    public const string C2BConfirmationPath = "api/payments/c2b/confirmation";

    public Uri StkCallback => Build(StkCallbackPath);

    public Uri C2BValidation => Build(C2BValidationPath);

    public Uri C2BConfirmation => Build(C2BConfirmationPath);

    private Uri Build(string path)
    {
        var root = baseUrl.Resolve().AbsoluteUri;
        return new Uri($"{root.TrimEnd('/')}/{path}/{key.Value}");
    }
}
