namespace WifiBilling.Billing.Domain;

/// <summary>
/// A request that is well formed but not allowed in the current state (extending a revoked voucher, minting a
/// voucher for an unpaid payment). The HTTP layer maps it to 409 Conflict.
/// </summary>
public sealed class BillingConflictException : Exception
{
    public BillingConflictException(string message)
        : base(message)
    {
    }
}
