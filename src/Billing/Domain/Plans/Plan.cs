namespace WifiBilling.Billing.Domain.Plans;

/// <summary>Something a customer can buy: a price for a duration, with optional rate, data and device limits.</summary>
public sealed class Plan
{
    private Plan(string id, DateTimeOffset createdAt)
    {
        Id = id;
        CreatedAt = createdAt;
        Name = string.Empty;
        AllowedRouterIds = [];
    }

    public string Id { get; }

    public string Name { get; private set; }

    public long PriceKes { get; private set; }

    public TimeSpan Duration { get; private set; }

    public PlanMode Mode { get; private set; }

    public RateLimit? RateLimit { get; private set; }

    public long? DataCapBytes { get; private set; }

    public int DeviceLimit { get; private set; }

    public bool Active { get; private set; }

    public int SortOrder { get; private set; }

    public IReadOnlyList<string> AllowedRouterIds { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped on every change; stores use it as the precondition of a conditional write.</summary>
    internal long Version { get; private set; }

    public static Plan Create(string id, PlanDefinition definition, DateTimeOffset now)
    {
        if (!PlanDefinition.IsWellFormedId(id))
        {
            throw new BillingValidationException("id", "must be letters, digits, '_' or '-' (at most 64)");
        }

        var plan = new Plan(id, now);
        plan.Apply(definition, now);
        plan.Version = 1;
        return plan;
    }

    /// <summary>Replaces the operator-set terms. Vouchers already sold keep their <see cref="PlanSnapshot"/>.</summary>
    public void Redefine(PlanDefinition definition, DateTimeOffset now)
    {
        Apply(definition, now);
        Version++;
    }

    public bool IsAvailableOn(string? routerId) => Active && Snapshot().AllowsRouter(routerId);

    public PlanSnapshot Snapshot() =>
        new(Id, Name, PriceKes, Duration, Mode, RateLimit, DataCapBytes, DeviceLimit, AllowedRouterIds);

    internal static Plan Rehydrate(
        string id,
        PlanDefinition definition,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        long version)
    {
        // Stored rows were validated when written; rebuild without re-validating so a tightened rule never hides data.
        var plan = new Plan(id, createdAt)
        {
            Name = definition.Name,
            PriceKes = definition.PriceKes,
            Duration = definition.Duration,
            Mode = definition.Mode,
            RateLimit = definition.RateLimit is null ? null : Plans.RateLimit.TryParse(definition.RateLimit, out var r, out _) ? r : null,
            DataCapBytes = definition.DataCapBytes,
            DeviceLimit = definition.DeviceLimit,
            Active = definition.Active,
            SortOrder = definition.SortOrder,
            AllowedRouterIds = definition.AllowedRouterIds ?? [],
            UpdatedAt = updatedAt,
            Version = version,
        };
        return plan;
    }

    private void Apply(PlanDefinition definition, DateTimeOffset now)
    {
        var rateLimit = definition.Validate();
        Name = definition.Name.Trim();
        PriceKes = definition.PriceKes;
        Duration = definition.Duration;
        Mode = definition.Mode;
        RateLimit = rateLimit;
        DataCapBytes = definition.DataCapBytes;
        DeviceLimit = definition.DeviceLimit;
        Active = definition.Active;
        SortOrder = definition.SortOrder;
        AllowedRouterIds = (definition.AllowedRouterIds ?? []).Distinct(StringComparer.Ordinal).ToArray();
        UpdatedAt = now;
    }
}
