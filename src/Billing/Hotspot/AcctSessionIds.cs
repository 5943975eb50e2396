namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// RouterOS Acct-Session-Ids: 8 hex digits; "first two symbols represent service … next symbol is incremented on
/// each reboot … last group incremented on each new session" (RouterOS RADIUS manual, mikrotik.md §1.1), e.g.
/// <c>80100014</c> = service 80, boot 1, session 0x00014.
/// </summary>
public static class AcctSessionIds
{
    /// <summary>The boot digit (the third symbol) of a RouterOS-shaped id; null for ids of any other shape.</summary>
    public static char? BootDigit(string? acctSessionId)
    {
        if (acctSessionId is not { Length: 8 })
        {
            return null;
        }

        foreach (var c in acctSessionId)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return char.ToLowerInvariant(acctSessionId[2]);
    }
}
