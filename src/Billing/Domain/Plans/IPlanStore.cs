namespace WifiBilling.Billing.Domain.Plans;

/// <summary>Plans on sale. Every write is one atomic conditional update in the backing store.</summary>
public interface IPlanStore
{
    /// <summary>Creates a plan with a new id; throws <see cref="BillingValidationException"/> for a bad definition.</summary>
    Task<Plan> CreateAsync(PlanDefinition definition, CancellationToken cancellationToken);

    Task<Plan?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>All plans, inactive ones too, ordered by sort order then price.</summary>
    Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The plans a customer can buy, optionally only those allowed on <paramref name="routerId"/>.</summary>
    Task<IReadOnlyList<Plan>> ListActiveAsync(string? routerId, CancellationToken cancellationToken);

    /// <summary>Replaces a plan's terms; null when no plan has that id.</summary>
    Task<Plan?> UpdateAsync(string id, PlanDefinition definition, CancellationToken cancellationToken);

    /// <summary>Deletes a plan; vouchers and payments keep their own snapshot of it. False when it did not exist.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="seed"/> only when the store has no plan at all (first start); returns how many were
    /// inserted. Safe when several instances start at once.
    /// </summary>
    Task<int> SeedIfEmptyAsync(IReadOnlyList<PlanDefinition> seed, CancellationToken cancellationToken);
}
