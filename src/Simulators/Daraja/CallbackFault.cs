namespace WifiBilling.Simulators.Daraja;

/// <summary>What happens to the STK callback of one push. The transaction's truth (what STK Query says) is unaffected.</summary>
public enum CallbackFault
{
    /// <summary>Delivered once when the transaction completes.</summary>
    None,

    /// <summary>Never sent (sandbox callbacks often are not; daraja.md §6 "Lost").</summary>
    Lost,

    /// <summary>Sent twice, the second copy <see cref="DarajaSimulatorOptions.DuplicateCallbackGap"/> after the first.</summary>
    Duplicate,

    /// <summary>Sent a while after the transaction completed (STK Query already knows the result).</summary>
    Late,
}
