using System.Text.Json;

namespace WifiBilling.Billing.Payments.Daraja.Wire;

/// <summary>Reads the answers of each Daraja call into the client's result types (daraja.md §1, §2, §4, §5).</summary>
internal static class DarajaResponseReader
{
    private const string StillProcessingCode = "4999";

    public static DarajaAccessToken ReadAccessToken(DarajaReply reply, DateTimeOffset now)
    {
        EnsureSuccess(DarajaOperation.AccessToken, reply);
        using var document = ParseSuccessBody(DarajaOperation.AccessToken, reply);
        var root = document.RootElement;
        var token = DarajaJson.Text(root, "access_token");

        // expires_in is "3599" in the v2 docs and real answers, 3599 on the Daraja 3.0 page: accept both.
        if (string.IsNullOrWhiteSpace(token)
            || !DarajaJson.TryGet(root, "expires_in", out var expiresIn)
            || !DarajaJson.TryLong(expiresIn, out var seconds) || seconds <= 0)
        {
            throw Invalid(DarajaOperation.AccessToken, reply, "the token answer has no access_token or expires_in");
        }

        return new DarajaAccessToken(token, now, now.AddSeconds(seconds));
    }

    public static StkPushAccepted ReadStkPush(DarajaReply reply)
    {
        EnsureSuccess(DarajaOperation.StkPush, reply);
        using var document = ParseSuccessBody(DarajaOperation.StkPush, reply);
        var root = document.RootElement;
        var responseCode = DarajaJson.Text(root, "ResponseCode");
        var description = DarajaJson.Text(root, "ResponseDescription") ?? string.Empty;
        if (responseCode is not null && responseCode != "0")
        {
            throw new DarajaException(DarajaOperation.StkPush, DarajaErrorKind.Rejected,
                $"Daraja refused the push: ResponseCode {responseCode} {description}", reply.Status, responseCode);
        }

        var checkoutRequestId = DarajaJson.Text(root, "CheckoutRequestID");
        if (string.IsNullOrWhiteSpace(checkoutRequestId))
        {
            throw Invalid(DarajaOperation.StkPush, reply, "the push answer has no CheckoutRequestID");
        }

        return new StkPushAccepted(
            DarajaJson.Text(root, "MerchantRequestID") ?? string.Empty,
            checkoutRequestId,
            responseCode ?? "0",
            description,
            DarajaJson.Text(root, "CustomerMessage") ?? description);
    }

    public static StkQueryResult ReadStkQuery(string checkoutRequestId, DarajaReply reply)
    {
        if (!reply.IsSuccess)
        {
            var error = DarajaErrorReader.Read(DarajaOperation.StkQuery, reply);
            if (error.ErrorCode == "500.001.1001")
            {
                var message = error.Message;
                if (message.Contains("transaction does not exist", StringComparison.OrdinalIgnoreCase))
                {
                    return new StkQueryTransactionNotFound(checkoutRequestId, message);
                }

                // "The transaction is being processed" (and intermittent 500.001.1001s for ids that exist) mean
                // "no answer yet", never failure (daraja.md §4, LNMOnlineAndroidSample #13). Configuration errors
                // sharing the code are still errors.
                if (error.Kind == DarajaErrorKind.ServerError)
                {
                    return new StkQueryStillProcessing(checkoutRequestId, message);
                }
            }

            throw error;
        }

        using var document = ParseSuccessBody(DarajaOperation.StkQuery, reply);
        var root = document.RootElement;
        var resultCode = DarajaJson.Text(root, "ResultCode");
        var resultDesc = DarajaJson.Text(root, "ResultDesc") ?? string.Empty;
        if (string.IsNullOrWhiteSpace(resultCode))
        {
            throw Invalid(DarajaOperation.StkQuery, reply, "the query answer has no ResultCode");
        }

        var id = DarajaJson.Text(root, "CheckoutRequestID") ?? checkoutRequestId;
        return resultCode.Trim() == StillProcessingCode
            ? new StkQueryStillProcessing(id, resultDesc)
            : new StkQueryCompleted(id, DarajaJson.Text(root, "MerchantRequestID"), new StkResultCode(resultCode), resultDesc);
    }

    public static C2BRegistration ReadC2BRegistration(DarajaReply reply)
    {
        EnsureSuccess(DarajaOperation.C2BRegisterUrls, reply);
        using var document = ParseSuccessBody(DarajaOperation.C2BRegisterUrls, reply);
        var root = document.RootElement;
        var responseCode = DarajaJson.Text(root, "ResponseCode") ?? string.Empty;
        var description = DarajaJson.Text(root, "ResponseDescription") ?? string.Empty;
        if (responseCode != "0")
        {
            throw new DarajaException(DarajaOperation.C2BRegisterUrls, DarajaErrorKind.Rejected,
                $"Daraja refused the URLs: ResponseCode {responseCode} {description}", reply.Status, responseCode);
        }

        // Daraja's real key is misspelled "OriginatorCoversationID"; accept the correct spelling too.
        var id = DarajaJson.Text(root, "OriginatorCoversationID") ?? DarajaJson.Text(root, "OriginatorConversationID");
        return new C2BRegistration(id, responseCode, description);
    }

    private static void EnsureSuccess(DarajaOperation operation, DarajaReply reply)
    {
        if (!reply.IsSuccess)
        {
            throw DarajaErrorReader.Read(operation, reply);
        }
    }

    private static JsonDocument ParseSuccessBody(DarajaOperation operation, DarajaReply reply) =>
        DarajaJson.TryParseObject(reply.Body, out var document)
            ? document!
            : throw Invalid(operation, reply, reply.LooksLikeHtml ? "the answer is an HTML page" : "the answer is not a JSON object");

    private static DarajaException Invalid(DarajaOperation operation, DarajaReply reply, string why) =>
        new(operation, DarajaErrorKind.InvalidResponse, $"Daraja answered HTTP {reply.Status} but {why}.", reply.Status,
            isOutcomeUnknown: operation == DarajaOperation.StkPush);
}
