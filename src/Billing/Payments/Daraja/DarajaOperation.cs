namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>The Daraja call an error came from.</summary>
public enum DarajaOperation
{
    AccessToken,
    StkPush,
    StkQuery,
    C2BRegisterUrls,
}
