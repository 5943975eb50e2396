using System.Collections.Frozen;

namespace WifiBilling.Simulators.Daraja;

/// <summary>Safaricom's ResultDesc for the codes the simulator produces (daraja.md §3 result code table).</summary>
internal static class SimulatedResultCodes
{
    private static readonly FrozenDictionary<string, string> s_descriptions = new Dictionary<string, string>
    {
        ["0"] = "The service request is processed successfully.",
        ["1"] = "The balance is insufficient for the transaction.",
        ["2"] = "Declined due to limit rule.",
        ["3"] = "Declined due to limit rule: greater than the maximum transaction amount.",
        ["4"] = "Declined due to limit rule: would exceed daily transfer limit.",
        ["8"] = "Declined due to limit rule: would exceed the maximum balance.",
        ["17"] = "Rule limited.",
        ["1001"] = "Unable to lock subscriber, a transaction is already in process for the current subscriber.",
        ["1019"] = "Transaction has expired",
        ["1025"] = "An error occurred while sending a push request.",
        ["1031"] = "Request cancelled by user",
        ["1032"] = "Request cancelled by user",
        ["1036"] = "SMSC ACK timeout.",
        ["1037"] = "DS timeout user cannot be reached",
        ["2001"] = "The initiator information is invalid.",
        ["2028"] = "The request is not permitted according to product assignment.",
        ["8006"] = "The security credential is locked.",
        ["9999"] = "Error Occurred while sending push request.",
        ["SFC_IC0003"] = "The operator does not exist.",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string Describe(string code) =>
        s_descriptions.TryGetValue(code, out var description) ? description : $"Simulated result {code}.";
}
