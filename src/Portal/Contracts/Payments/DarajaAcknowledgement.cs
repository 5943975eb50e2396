using System.Text.Json.Serialization;

namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>
/// What Daraja gets back once a callback or C2B confirmation is durably recorded: <c>{"ResultCode":0,"ResultDesc":"Accepted"}</c>
/// (PascalCase and a numeric code, as Daraja's samples show; daraja.md §3 end, §5 "Responses you return").
/// </summary>
public sealed record DarajaAcknowledgement(
    [property: JsonPropertyName("ResultCode")] int ResultCode,
    [property: JsonPropertyName("ResultDesc")] string ResultDesc)
{
    public static DarajaAcknowledgement Accepted { get; } = new(0, "Accepted");

    public static DarajaAcknowledgement Success { get; } = new(0, "Success");
}
