namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// An injected answer for the next <see cref="Times"/> requests to <see cref="Operation"/>. Every shape except
/// <see cref="ResponseShape.SlowResponse"/> replaces processing entirely (the request is refused, nothing recorded).
/// </summary>
public sealed record ResponseFault(
    SimulatedOperation Operation,
    ResponseShape Shape,
    int StatusCode = 500,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    TimeSpan? Delay = null,
    int Times = 1);
