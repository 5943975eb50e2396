namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// How one simulated STK push ends: its ResultCode (0 = paid), when it completes, what happens to its callback, and
/// how STK Query answers meanwhile. Null members fall back to the simulator's defaults.
/// </summary>
public sealed record StkOutcomePlan(
    string ResultCode,
    string? ResultDesc = null,
    TimeSpan? CallbackDelay = null,
    CallbackFault Callback = CallbackFault.None,
    TimeSpan? LateBy = null,
    PendingQueryStyle? PendingQuery = null)
{
    public static StkOutcomePlan Success { get; } = new("0");
}
