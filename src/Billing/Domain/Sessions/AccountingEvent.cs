namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>The Acct-Status-Type values that concern one session (RFC 2866 §5.1).</summary>
public enum AccountingEvent
{
    Start = 1,
    Stop = 2,
    InterimUpdate = 3,
}
