namespace WifiBilling.Simulators.Daraja.Control;

/// <summary>
/// Body of <c>POST /simulator/outcomes</c>: with <see cref="PhoneNumber"/>, a rule for pushes to that phone
/// (<see cref="Times"/> of them, or all); without, a plan for the next <see cref="Times"/> pushes (default 1).
/// </summary>
public sealed record OutcomeRequest(
    string? PhoneNumber,
    string? ResultCode,
    string? ResultDesc,
    double? CallbackDelaySeconds,
    CallbackFault? Callback,
    double? LateBySeconds,
    PendingQueryStyle? PendingQuery,
    int? Times);
