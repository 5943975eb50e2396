using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>A backend the contract suite runs against: a fresh, empty store per test.</summary>
public interface IStoreBackend
{
    /// <summary>Why this backend cannot run here (the tests are then skipped with this message), or null.</summary>
    string? SkipReason { get; }

    Task<BillingStores> CreateAsync(TimeProvider clock, IVoucherCodeGenerator? codes);
}
