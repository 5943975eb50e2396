using System.Globalization;
using System.Text.Json;

namespace WifiBilling.Billing.Payments.Daraja.Wire;

/// <summary>
/// Tolerant readers for Daraja JSON: the same field arrives as a number in one payload and a string in another
/// (ResultCode, expires_in, amounts, phone numbers; daraja.md §8 "C#-specific client notes"), values may be missing,
/// and property casing is not worth failing a payment over.
/// </summary>
internal static class DarajaJson
{
    /// <summary>Writes request DTOs with exactly the PascalCase names their attributes give (no naming policy).</summary>
    public static readonly JsonSerializerOptions Write = new(JsonSerializerDefaults.General);

    public static bool TryParseObject(string? text, out JsonDocument? document)
    {
        document = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            // Trailing commas appear in the official samples (daraja.md §4); nothing is lost by accepting them.
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return false;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        document.Dispose();
        document = null;
        return false;
    }

    /// <summary>The named property; exact name first, then any casing.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>A string or number as text (numbers in their JSON spelling); null for null, missing, objects, arrays.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static string? Text(JsonElement obj, string name) => TryGet(obj, name, out var value) ? Text(value) : null;

    public static bool TryDecimal(JsonElement value, out decimal result)
    {
        result = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out result),
            JsonValueKind.String => decimal.TryParse(
                value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    public static bool TryLong(JsonElement value, out long result)
    {
        result = 0;
        if (!TryDecimal(value, out var number) || number != decimal.Truncate(number)
            || number < long.MinValue || number > long.MaxValue)
        {
            return false;
        }

        result = (long)number;
        return true;
    }

    /// <summary>Whole shillings from "5.00", 1.00, 10 or "10"; false for fractions ("1.50") and non-numbers.</summary>
    public static bool TryWholeShillings(JsonElement value, out long shillings) => TryLong(value, out shillings);

    public static bool TryWholeShillings(string? text, out long shillings)
    {
        shillings = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number) || number > long.MaxValue)
        {
            return false;
        }

        shillings = (long)number;
        return true;
    }
}
