namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>The router's answer to a Disconnect-Request. <see cref="ErrorCause"/> is RFC 5176 Error-Cause (e.g. 503).</summary>
public sealed record DisconnectOutcome(DisconnectState State, uint? ErrorCause = null)
{
    public static DisconnectOutcome Acked { get; } = new(DisconnectState.Acked);

    public static DisconnectOutcome TimedOut { get; } = new(DisconnectState.TimedOut);

    public static DisconnectOutcome Nakked(uint? errorCause) => new(DisconnectState.Nakked, errorCause);
}
