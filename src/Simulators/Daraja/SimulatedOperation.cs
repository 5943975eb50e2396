namespace WifiBilling.Simulators.Daraja;

/// <summary>The Daraja APIs the simulator serves; used to aim injected faults and to count requests.</summary>
public enum SimulatedOperation
{
    Any,
    Token,
    StkPush,
    StkQuery,
    C2BRegisterUrl,
    C2BSimulate,
}
