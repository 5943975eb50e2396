namespace WifiBilling.Billing.Payments.Reconciliation;

/// <summary>
/// When to ask Daraja about a payment again (<see cref="ReconcilerOptions"/>): backoff × 1.5 from the first query
/// delay up to the maximum interval while pending, never past the give-up time; after giving up, the late queries.
/// Pure arithmetic on the stored payment, so any instance computes the same schedule.
/// </summary>
public static class QuerySchedule
{
    private const double Growth = 1.5;

    /// <summary>The moment a payment created at <paramref name="createdAt"/> stops being waited for.</summary>
    public static DateTimeOffset GiveUpAt(DateTimeOffset createdAt, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return createdAt + options.GiveUpAfter;
    }

    /// <summary>Next query of a pending payment after <paramref name="attempts"/> inconclusive ones.</summary>
    public static DateTimeOffset NextWhilePending(DateTimeOffset now, DateTimeOffset createdAt, int attempts, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gap = options.FirstQueryDelay.TotalSeconds * Math.Pow(Growth, Math.Min(Math.Max(attempts, 0) + 1, 30));
        var next = now + TimeSpan.FromSeconds(Math.Min(gap, options.MaxQueryInterval.TotalSeconds));
        var giveUpAt = GiveUpAt(createdAt, options);
        return next < giveUpAt ? next : giveUpAt;
    }

    /// <summary>The first late query after <paramref name="now"/> of a payment that timed out; null when none is left.</summary>
    public static DateTimeOffset? NextLate(DateTimeOffset now, DateTimeOffset createdAt, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var giveUpAt = GiveUpAt(createdAt, options);
        foreach (var late in options.EffectiveLateQueries.Order())
        {
            var at = giveUpAt + late;
            if (at > now)
            {
                return at;
            }
        }

        return null;
    }
}
