namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Terminate causes stored on sessions that this server closes itself (a router's own Stop keeps the RFC 2866 §5.10
/// name it sent). The RFC names are used where one fits.
/// </summary>
public static class TerminateCauses
{
    /// <summary>The router rebooted: Accounting-On/Off, or a new boot digit in its Acct-Session-Ids.</summary>
    public const string NasReboot = "NAS-Reboot";

    /// <summary>No accounting for several interim intervals (the Stop was lost, or the router vanished).</summary>
    public const string Stale = "Stale";

    /// <summary>The router answered a Disconnect-Request with NAK Session-Context-Not-Found (RFC 5176 Error-Cause 503).</summary>
    public const string SessionContextNotFound = "Session-Context-Not-Found";

    /// <summary>The RFC 2866 name of an Acct-Terminate-Cause number, or the number itself when unknown.</summary>
    public static string Name(uint cause) => cause switch
    {
        1 => "User-Request",
        2 => "Lost-Carrier",
        3 => "Lost-Service",
        4 => "Idle-Timeout",
        5 => "Session-Timeout",
        6 => "Admin-Reset",
        7 => "Admin-Reboot",
        8 => "Port-Error",
        9 => "NAS-Error",
        10 => "NAS-Request",
        11 => "NAS-Reboot",
        12 => "Port-Unneeded",
        13 => "Port-Preempted",
        14 => "Port-Suspended",
        15 => "Service-Unavailable",
        16 => "Callback",
        17 => "User-Error",
        18 => "Host-Request",
        _ => cause.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
