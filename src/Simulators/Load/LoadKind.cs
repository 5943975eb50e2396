namespace WifiBilling.Simulators.Load;

/// <summary>What the virtual routers send.</summary>
public enum LoadKind
{
    /// <summary>Access-Request with the voucher code as User-Name and a hidden User-Password (<c>login-by=http-pap</c>).</summary>
    Pap = 0,

    /// <summary>Access-Request with CHAP-Challenge and CHAP-Password (<c>login-by=http-chap</c>, RouterOS' default).</summary>
    Chap = 1,

    /// <summary>Access-Request for a MAC login: User-Name is the device's MAC, the password empty (<c>login-by=mac</c>).</summary>
    Mac = 2,

    /// <summary>Accounting Start: opens one session per request.</summary>
    Start = 3,

    /// <summary>Accounting Interim-Update for sessions started in a setup phase, counters growing with each round.</summary>
    Interim = 4,

    /// <summary>Accounting Stop for sessions started in a setup phase.</summary>
    Stop = 5,
}
