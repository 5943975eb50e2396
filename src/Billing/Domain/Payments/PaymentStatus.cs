namespace WifiBilling.Billing.Domain.Payments;

public enum PaymentStatus
{
    /// <summary>Stored before the STK push; waiting for the customer, the callback or the reconciler.</summary>
    Pending = 0,

    /// <summary>Daraja reported success. Final: a paid payment never changes status.</summary>
    Paid = 1,

    /// <summary>Daraja refused the push or reported a failure (insufficient funds, wrong PIN, unreachable, …).</summary>
    Failed = 2,

    /// <summary>The customer cancelled the prompt (ResultCode 1032).</summary>
    Cancelled = 3,

    /// <summary>No definite answer in time. A later success still becomes Paid (money received becomes internet).</summary>
    TimedOut = 4,
}
