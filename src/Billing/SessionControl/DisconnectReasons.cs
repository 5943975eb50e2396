namespace WifiBilling.Billing.SessionControl;

internal static class DisconnectReasons
{
    /// <summary>Metric and log label.</summary>
    public static string Name(DisconnectReason reason) => reason switch
    {
        DisconnectReason.Expired => "expired",
        DisconnectReason.Revoked => "revoked",
        DisconnectReason.DataExhausted => "data-exhausted",
        DisconnectReason.Admin => "admin",
        DisconnectReason.TopUpRefused => "top-up-refused",
        _ => "other",
    };
}
