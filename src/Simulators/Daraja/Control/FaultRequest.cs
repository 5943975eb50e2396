namespace WifiBilling.Simulators.Daraja.Control;

/// <summary>Body of <c>POST /simulator/faults</c>: answer the next <see cref="Times"/> requests to an API with this shape.</summary>
public sealed record FaultRequest(
    SimulatedOperation Operation,
    ResponseShape Shape,
    int? StatusCode,
    string? ErrorCode,
    string? ErrorMessage,
    int? DelayMilliseconds,
    int? Times);
