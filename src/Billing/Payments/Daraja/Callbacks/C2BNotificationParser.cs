using WifiBilling.Billing.Payments.Daraja.Wire;

namespace WifiBilling.Billing.Payments.Daraja.Callbacks;

/// <summary>
/// Reads a C2B validation/confirmation body (all values strings, TransAmount like "5.00"; numbers tolerated).
/// TransID and a whole-shilling TransAmount are required; everything else may be empty.
/// </summary>
public static class C2BNotificationParser
{
    public static DarajaParseResult<C2BPaymentNotification> Parse(string? json)
    {
        if (!DarajaJson.TryParseObject(json, out var document))
        {
            return Fail("the body is not a JSON object");
        }

        using (document)
        {
            var root = document!.RootElement;
            var transId = DarajaJson.Text(root, "TransID");
            if (string.IsNullOrWhiteSpace(transId))
            {
                return Fail("TransID is missing");
            }

            var amountText = DarajaJson.Text(root, "TransAmount");
            if (!DarajaJson.TryWholeShillings(amountText, out var amount) || amount <= 0)
            {
                return Fail($"TransAmount \"{amountText}\" is not a positive whole number of shillings");
            }

            string Field(string name) => DarajaJson.Text(root, name)?.Trim() ?? string.Empty;

            return new DarajaParseResult<C2BPaymentNotification>(new C2BPaymentNotification(
                Field("TransactionType"),
                transId.Trim(),
                KenyaTime.TryParseTimestamp(Field("TransTime"), out var transTime) ? transTime : null,
                amount,
                Field("BusinessShortCode"),
                Field("BillRefNumber"),
                Field("InvoiceNumber"),
                Field("OrgAccountBalance"),
                Field("ThirdPartyTransID"),
                Field("MSISDN"),
                Field("FirstName"),
                Field("MiddleName"),
                Field("LastName")), null);
        }
    }

    private static DarajaParseResult<C2BPaymentNotification> Fail(string why) =>
        new(null, $"Not a Daraja C2B notification: {why}.");
}
