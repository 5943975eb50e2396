namespace WifiBilling.Billing.Payments.Callbacks;

/// <summary>What became of one STK callback. Everything but <see cref="Malformed"/> is acknowledged to Daraja.</summary>
public enum StkCallbackResult
{
    /// <summary>The payment moved to the callback's status (and a paid one has its voucher).</summary>
    Applied,

    /// <summary>The payment already had this status: a duplicate or replay, nothing changed.</summary>
    Duplicate,

    /// <summary>The state machine refused the transition (e.g. a failure for a paid payment): nothing changed.</summary>
    Ignored,

    /// <summary>A success whose amount differs from the payment's: kept for audit, not applied (suspicious).</summary>
    AmountMismatch,

    /// <summary>A success for a CheckoutRequestID we never learnt, matched to the one unanswered push by phone and amount.</summary>
    MatchedByPhone,

    /// <summary>Money received that no payment can take: kept by receipt, so the customer recovers a voucher with it.</summary>
    KeptForRecovery,

    /// <summary>A failure for an unknown CheckoutRequestID: nothing to keep (no money moved).</summary>
    Unknown,

    /// <summary>Not a Daraja STK callback (answered 400).</summary>
    Malformed,
}
