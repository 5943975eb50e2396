namespace WifiBilling.Radius.Protocol;

/// <summary>Acct-Status-Type values (RFC 2866 §5.1). RouterOS hotspots send Start, Interim-Update and Stop only.</summary>
public enum AcctStatusType : uint
{
    Start = 1,
    Stop = 2,
    InterimUpdate = 3,
    AccountingOn = 7,
    AccountingOff = 8,
}
