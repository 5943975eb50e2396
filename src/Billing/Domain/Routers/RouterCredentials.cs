namespace WifiBilling.Billing.Domain.Routers;

/// <summary>
/// A router with its shared secret in clear, for the RADIUS client registry only (authenticators and CHAP need
/// the secret itself). Keep it in memory; never log or serialise it.
/// </summary>
public sealed record RouterCredentials(Router Router, string SharedSecret)
{
    /// <summary>Keeps the secret out of logs and debugger displays.</summary>
    public override string ToString() => $"RouterCredentials {{ Router = {Router.Id}, SharedSecret = *** }}";
}
