namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>Which Safaricom Daraja deployment the client talks to (daraja.md §1 "Base URLs").</summary>
public enum DarajaEnvironment
{
    /// <summary>https://sandbox.safaricom.co.ke: test credentials; http callback URLs are allowed.</summary>
    Sandbox,

    /// <summary>https://api.safaricom.co.ke: real money; callback URLs must be https.</summary>
    Production,
}
