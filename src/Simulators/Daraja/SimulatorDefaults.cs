namespace WifiBilling.Simulators.Daraja;

/// <summary>Run-time defaults, changeable through <c>PUT /simulator/defaults</c>; start from <see cref="DarajaSimulatorOptions"/>.</summary>
public sealed record SimulatorDefaults(
    StkOutcomePlan Plan,
    PendingQueryStyle PendingQuery,
    double QueryFailureRate,
    bool ExpiresInAsNumber);
