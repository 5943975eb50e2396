using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// C2B validation/confirmation body (daraja.md §5): every value a string, TransAmount like "5.00", MSISDN masked
/// ("2547 ***** 126", v2) or a SHA-256 hex hash (v1), names possibly empty.
/// </summary>
internal static class C2BNotificationPayload
{
    public static string Build(
        SimulatedC2BTransaction transaction, int apiVersion, string orgAccountBalance, string thirdPartyTransId) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["TransactionType"] = transaction.CommandId == "CustomerBuyGoodsOnline" ? "Buy Goods" : "Pay Bill",
            ["TransID"] = transaction.TransId,
            ["TransTime"] = SimulatorClock.KenyaTimestamp(transaction.CreatedAt),
            ["TransAmount"] = transaction.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["BusinessShortCode"] = transaction.ShortCode,
            ["BillRefNumber"] = transaction.BillRefNumber,
            ["InvoiceNumber"] = string.Empty,
            ["OrgAccountBalance"] = orgAccountBalance,
            ["ThirdPartyTransID"] = thirdPartyTransId,
            ["MSISDN"] = apiVersion == 1 ? Hash(transaction.PhoneNumber) : Mask(transaction.PhoneNumber),
            ["FirstName"] = "JOHN",
            ["MiddleName"] = string.Empty,
            ["LastName"] = string.Empty,
        }, SimulatorJson.Wire);

    /// <summary>v2 masking as in the official sample: first four digits, five stars, last three.</summary>
    public static string Mask(string msisdn) => $"{msisdn[..4]} ***** {msisdn[^3..]}";

    public static string Hash(string msisdn) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(msisdn)));
}
