namespace WifiBilling.Billing.Payments;

/// <summary>
/// Settings of the M-Pesa payment flow (section <c>Payments</c>). Validated at start by
/// <see cref="PaymentsOptionsValidator"/>; every message names the setting to fix.
/// </summary>
public sealed class PaymentsOptions
{
    public const string SectionName = "Payments";

    /// <summary>Seed-style environment name of the callback secret; wins over <c>Payments:CallbackKey</c>.</summary>
    public const string CallbackKeyVariable = "MPESA_CALLBACK_KEY";

    /// <summary>
    /// The secret path segment of every URL Daraja posts to (STK callback, C2B). Hex only, so it can never spell a
    /// word Daraja refuses in URLs (daraja.md §6). Unset: generated once and kept in <see cref="DataDirectory"/>.
    /// </summary>
    public string? CallbackKey { get; set; }

    /// <summary>Where a generated callback key is kept (<c>Portal:DataDirectory</c>, default ./data).</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>True when the store is shared by several instances (MongoDB): a generated key would differ per instance.</summary>
    public bool SharedStore { get; set; }

    /// <summary>Shown to the customer in the STK prompt ("account no."); the plan name when empty. At most 12 characters reach Daraja.</summary>
    public string? AccountReference { get; set; }

    /// <summary>TransactionDesc of the push (at most 13 characters reach Daraja).</summary>
    public string TransactionDescription { get; set; } = "WiFi access";

    /// <summary>
    /// A success callback whose CheckoutRequestID we never learnt (the push timed out on our side) is matched to the
    /// one unanswered push to the same phone for the same amount created within this window.
    /// </summary>
    public TimeSpan UnmatchedCallbackWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A callback can overtake the push answer that tells us its CheckoutRequestID; it waits at most this long for
    /// pushes still in flight in this process before it is treated as unknown.
    /// </summary>
    public TimeSpan InFlightPushWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// True when the Portal runs the built-in Daraja simulator (demo mode, no Daraja credentials): payments are not real.
    /// Set by the host, not by configuration.
    /// </summary>
    public bool Simulated { get; set; }

    public PushLimitOptions PushLimits { get; set; } = new();

    public ReconcilerOptions Reconciler { get; set; } = new();

    public RecoveryOptions Recovery { get; set; } = new();

    public C2BOptions C2B { get; set; } = new();
}
