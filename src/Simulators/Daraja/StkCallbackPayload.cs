using System.Globalization;
using System.Text.Json;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// The STK callback body in Daraja's exact shapes (daraja.md §3): success with Amount, MpesaReceiptNumber, Balance
/// without Value, TransactionDate as a Kenya-time number and PhoneNumber as a number; failures without metadata;
/// ResultCode a number, or a string for codes like SFC_IC0003.
/// </summary>
internal static class StkCallbackPayload
{
    public static string Build(SimulatedStkTransaction transaction)
    {
        var callback = new Dictionary<string, object>
        {
            ["MerchantRequestID"] = transaction.MerchantRequestId,
            ["CheckoutRequestID"] = transaction.CheckoutRequestId,
            ["ResultCode"] = long.TryParse(transaction.ResultCode, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)
                ? numeric
                : transaction.ResultCode,
            ["ResultDesc"] = transaction.ResultDesc,
        };

        if (transaction.IsPaid)
        {
            callback["CallbackMetadata"] = new Dictionary<string, object>
            {
                ["Item"] = new object[]
                {
                    // 1.00 as in the official sample: receivers must accept decimals and integers.
                    new Dictionary<string, object> { ["Name"] = "Amount", ["Value"] = transaction.Amount + 0.00m },
                    new Dictionary<string, object> { ["Name"] = "MpesaReceiptNumber", ["Value"] = transaction.ReceiptNumber! },
                    new Dictionary<string, object> { ["Name"] = "Balance" },
                    new Dictionary<string, object>
                    {
                        ["Name"] = "TransactionDate",
                        ["Value"] = long.Parse(SimulatorClock.KenyaTimestamp(transaction.CompletesAt), CultureInfo.InvariantCulture),
                    },
                    new Dictionary<string, object>
                    {
                        ["Name"] = "PhoneNumber",
                        ["Value"] = long.Parse(transaction.PhoneNumber, CultureInfo.InvariantCulture),
                    },
                },
            };
        }

        var envelope = new Dictionary<string, object> { ["Body"] = new Dictionary<string, object> { ["stkCallback"] = callback } };
        return JsonSerializer.Serialize(envelope, SimulatorJson.Wire);
    }
}
