using System.Text.Json.Serialization;

namespace WifiBilling.Billing.Payments.Daraja.Callbacks;

/// <summary>
/// What our callback endpoints answer Daraja (daraja.md §3 end, §5 "Responses you return"). C2B validation rejects
/// with one of the C2B0001x codes; confirmations and STK callbacks are always acknowledged with 0.
/// </summary>
public sealed record DarajaCallbackReply(
    [property: JsonPropertyName("ResultCode")] string ResultCode,
    [property: JsonPropertyName("ResultDesc")] string ResultDesc)
{
    public static DarajaCallbackReply Accepted { get; } = new("0", "Accepted");

    public static DarajaCallbackReply InvalidMsisdn { get; } = new("C2B00011", "Rejected");

    public static DarajaCallbackReply InvalidAccountNumber { get; } = new("C2B00012", "Rejected");

    public static DarajaCallbackReply InvalidAmount { get; } = new("C2B00013", "Rejected");

    public static DarajaCallbackReply InvalidKycDetails { get; } = new("C2B00014", "Rejected");

    public static DarajaCallbackReply InvalidShortCode { get; } = new("C2B00015", "Rejected");

    public static DarajaCallbackReply OtherError { get; } = new("C2B00016", "Rejected");
}
