namespace WifiBilling.Simulators.Daraja.Control;

/// <summary>Body of <c>PUT /simulator/defaults</c>; members left out keep their current value.</summary>
public sealed record DefaultsRequest(
    string? ResultCode,
    double? CallbackDelaySeconds,
    CallbackFault? Callback,
    double? LateBySeconds,
    PendingQueryStyle? PendingQuery,
    double? QueryFailureRate,
    bool? ExpiresInAsNumber);
