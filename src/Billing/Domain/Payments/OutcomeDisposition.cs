namespace WifiBilling.Billing.Domain.Payments;

/// <summary>What applying a Daraja outcome did. Duplicates are normal and harmless.</summary>
public enum OutcomeDisposition
{
    /// <summary>The payment moved to the outcome's status.</summary>
    Applied = 0,

    /// <summary>The payment already had this status (a duplicate or replayed callback): nothing changed.</summary>
    AlreadyApplied = 1,

    /// <summary>The transition is not allowed (e.g. a failure reported for a paid payment): nothing changed.</summary>
    Ignored = 2,

    /// <summary>No payment has that CheckoutRequestID (or id): nothing was stored.</summary>
    UnknownPayment = 3,
}
