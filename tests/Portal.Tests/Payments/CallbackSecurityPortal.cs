namespace WifiBilling.Portal.Tests.Payments;

/// <summary>One Portal for the callback security tests, with the reconciler off so only the test's callbacks move payments.</summary>
public sealed class CallbackSecurityPortal : IDisposable
{
    public PaymentsPortalFactory Portal { get; } = new(("Payments:Reconciler:Enabled", "false"));

    public void Dispose() => Portal.Dispose();
}
