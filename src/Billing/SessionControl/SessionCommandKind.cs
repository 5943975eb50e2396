namespace WifiBilling.Billing.SessionControl;

public enum SessionCommandKind
{
    /// <summary>Send a Disconnect-Request for one session.</summary>
    DisconnectSession = 1,

    /// <summary>Disconnect every open session of a voucher (looked up when the command runs).</summary>
    DisconnectVoucher = 2,

    /// <summary>Send a CoA-Request with a session's new Session-Timeout after a top-up.</summary>
    UpdateSessionTimeout = 3,
}
