using System.Text.Json;
using WifiBilling.Billing.Payments.Daraja.Wire;

namespace WifiBilling.Billing.Payments.Daraja.Callbacks;

/// <summary>
/// Reads an STK callback the way Daraja really sends it (daraja.md §3 "Parsing rules for C#"): ResultCode as number
/// or string (<c>SFC_IC0003</c>); metadata items by Name, never by position; items without Value; Amount as 1, 1.00
/// or "1" (whole shillings, fractions refused); TransactionDate as a Kenya-time number; PhoneNumber number or string.
/// </summary>
public static class StkCallbackParser
{
    public static DarajaParseResult<StkCallback> Parse(string? json)
    {
        if (!DarajaJson.TryParseObject(json, out var document))
        {
            return Fail("the body is not a JSON object");
        }

        using (document)
        {
            var root = document!.RootElement;
            if (!DarajaJson.TryGet(root, "Body", out var body) || !DarajaJson.TryGet(body, "stkCallback", out var callback)
                || callback.ValueKind != JsonValueKind.Object)
            {
                return Fail("Body.stkCallback is missing");
            }

            var checkoutRequestId = DarajaJson.Text(callback, "CheckoutRequestID");
            if (string.IsNullOrWhiteSpace(checkoutRequestId))
            {
                return Fail("CheckoutRequestID is missing");
            }

            var resultCode = DarajaJson.Text(callback, "ResultCode");
            if (string.IsNullOrWhiteSpace(resultCode))
            {
                return Fail("ResultCode is missing");
            }

            var items = ReadItems(callback);
            long? amount = null;
            if (items.TryGetValue("Amount", out var amountValue) && amountValue is { } amountElement)
            {
                if (!DarajaJson.TryWholeShillings(amountElement, out var shillings) || shillings < 0)
                {
                    return Fail($"Amount {amountElement.GetRawText()} is not a whole number of shillings");
                }

                amount = shillings;
            }

            return new DarajaParseResult<StkCallback>(new StkCallback(
                DarajaJson.Text(callback, "MerchantRequestID"),
                checkoutRequestId.Trim(),
                new StkResultCode(resultCode),
                DarajaJson.Text(callback, "ResultDesc") ?? string.Empty,
                amount,
                ItemText(items, "MpesaReceiptNumber"),
                ReadTransactionDate(items),
                ItemText(items, "PhoneNumber"),
                items.TryGetValue("Balance", out var balance) && balance is { } b && DarajaJson.TryDecimal(b, out var value) ? value : null), null);
        }
    }

    private static Dictionary<string, JsonElement?> ReadItems(JsonElement callback)
    {
        var items = new Dictionary<string, JsonElement?>(StringComparer.OrdinalIgnoreCase);
        if (!DarajaJson.TryGet(callback, "CallbackMetadata", out var metadata)
            || !DarajaJson.TryGet(metadata, "Item", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return items;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (DarajaJson.Text(item, "Name") is { } name)
            {
                items[name] = DarajaJson.TryGet(item, "Value", out var value) && value.ValueKind != JsonValueKind.Null
                    ? value.Clone()
                    : null;
            }
        }

        return items;
    }

    private static string? ItemText(Dictionary<string, JsonElement?> items, string name) =>
        items.TryGetValue(name, out var value) && value is { } element ? DarajaJson.Text(element) : null;

    private static DateTimeOffset? ReadTransactionDate(Dictionary<string, JsonElement?> items) =>
        ItemText(items, "TransactionDate") is { } text && KenyaTime.TryParseTimestamp(text, out var utc) ? utc : null;

    private static DarajaParseResult<StkCallback> Fail(string why) =>
        new(null, $"Not a Daraja STK callback: {why}.");
}
