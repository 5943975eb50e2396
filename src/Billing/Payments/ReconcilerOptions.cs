namespace WifiBilling.Billing.Payments;

/// <summary>
/// The payment reconciler (section <c>Payments:Reconciler</c>): pushes with no callback are settled by STK Query.
/// Observed Daraja timings (daraja.md §6 "Timeouts"): callbacks within ~3–30 s, the prompt dead after ~1–2 min,
/// queries right after a push answer 500.
/// </summary>
public sealed class ReconcilerOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the reconciler looks for due work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time after an accepted push before the first STK Query (the callback usually comes first).</summary>
    public TimeSpan FirstQueryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest gap between two queries while the payment is pending (the backoff grows × 1.5 up to this).</summary>
    public TimeSpan MaxQueryInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A pending payment with no final answer this long after it was created becomes TimedOut.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Late queries after a time-out, counted from the moment of giving up: a late success still mints the voucher.
    /// Unset: 2, 10 and 30 minutes. (Null by default because configuration binding appends to a pre-filled array.)
    /// </summary>
    public TimeSpan[]? LateQueries { get; set; }

    /// <summary><see cref="LateQueries"/>, or the defaults when none are configured.</summary>
    public IReadOnlyList<TimeSpan> EffectiveLateQueries =>
        LateQueries is { Length: > 0 } configured ? configured : [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)];

    /// <summary>Most payments one instance claims per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim keeps other instances off a payment (longer than one query takes).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>STK Queries in flight at once per instance.</summary>
    public int MaxParallelQueries { get; set; } = 4;

    /// <summary>How often paid payments without a voucher (minting failed after the callback was acknowledged) are looked for.</summary>
    public TimeSpan MintSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back the mint sweep looks.</summary>
    public TimeSpan MintSweepWindow { get; set; } = TimeSpan.FromDays(2);
}
