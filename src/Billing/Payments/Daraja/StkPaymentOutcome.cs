namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>What an STK ResultCode means for the payment (daraja.md §3 "Official result codes table").</summary>
public enum StkPaymentOutcome
{
    /// <summary>Money received (ResultCode 0).</summary>
    Paid,

    /// <summary>The customer cancelled the prompt (1031, 1032); they may try again at once.</summary>
    Cancelled,

    /// <summary>Refused: funds, limits, PIN, locked account, merchant set-up, unknown codes.</summary>
    Failed,

    /// <summary>The customer never answered: phone unreachable (1037), request expired (1019), SMSC timeout (1036).</summary>
    TimedOut,

    /// <summary>Still waiting for the customer (4999 on STK Query); never a failure.</summary>
    Pending,
}
