namespace WifiBilling.Billing.SessionControl;

/// <summary>Why the server ends a session with a Disconnect-Request.</summary>
public enum DisconnectReason
{
    /// <summary>The voucher's time is over (validity end, or uptime used up).</summary>
    Expired = 1,

    /// <summary>An operator revoked the voucher.</summary>
    Revoked = 2,

    /// <summary>The voucher's data cap is used up.</summary>
    DataExhausted = 3,

    /// <summary>An operator disconnected the session.</summary>
    Admin = 4,

    /// <summary>The router refused the CoA carrying a top-up's new Session-Timeout.</summary>
    TopUpRefused = 5,
}
