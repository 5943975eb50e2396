using System.Text.Json;
using System.Text.Json.Serialization;

namespace WifiBilling.Simulators.Daraja;

/// <summary>JSON settings: Daraja's wire format keeps names exactly as written; the control API is camelCase with string enums.</summary>
internal static class SimulatorJson
{
    /// <summary>No naming policy: property names are Daraja's (PascalCase, "CallBackURL", "OriginatorCoversationID").</summary>
    public static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.General);

    public static readonly JsonSerializerOptions Control = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A Daraja number field that may be a JSON number or a numeric string (daraja.md §2 "Types are mixed").</summary>
    public static string? NumberOrString(JsonElement obj, string name)
    {
        // Field names are case-sensitive on Daraja: "businessShortCode" is not "BusinessShortCode".
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    public static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
