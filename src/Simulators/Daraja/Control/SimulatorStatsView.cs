using System.Text.Json.Serialization;

namespace WifiBilling.Simulators.Daraja.Control;

/// <summary>Request counters (<c>GET /simulator/stats</c>), so tests can prove "one token fetch" or "the push was not retried".</summary>
public sealed record SimulatorStatsView(
    long TokenRequests,
    long StkPushRequests,
    long StkQueryRequests,
    [property: JsonPropertyName("c2bRegisterUrlRequests")] long C2BRegisterUrlRequests,
    [property: JsonPropertyName("c2bSimulateRequests")] long C2BSimulateRequests,
    long CallbacksSent,
    int CallbacksPending,
    int Transactions);
