using System.Text.Json;
using System.Text.RegularExpressions;

namespace WifiBilling.Billing.Payments.Daraja.Wire;

/// <summary>
/// Turns a non-success Daraja answer into a typed <see cref="DarajaException"/>, whatever shape its body has
/// (daraja.md §2 "Synchronous error responses"): <c>{requestId, errorCode, errorMessage}</c>, the Apigee SOAP-fault
/// JSON <c>Envelope.Body.Fault</c>, a <c>text/html</c> page, an empty body, or text that is not JSON at all.
/// </summary>
internal static partial class DarajaErrorReader
{
    public static DarajaException Read(DarajaOperation operation, DarajaReply reply)
    {
        if (!reply.LooksLikeHtml && DarajaJson.TryParseObject(reply.Body, out var document))
        {
            using (document)
            {
                var root = document!.RootElement;
                if (DarajaJson.Text(root, "errorCode") is { } errorCode)
                {
                    var message = DarajaJson.Text(root, "errorMessage") ?? errorCode;
                    return FromErrorCode(operation, reply.Status, errorCode, message, DarajaJson.Text(root, "requestId"));
                }

                if (TryReadSoapFault(root, out var faultCode, out var faultString))
                {
                    var said = $"{faultString} {faultCode}";
                    var kind = said.Contains("access token", StringComparison.OrdinalIgnoreCase)
                        || said.Contains("access_token", StringComparison.OrdinalIgnoreCase)
                        ? DarajaErrorKind.InvalidToken
                        : DarajaErrorKind.ServerError;
                    return Create(operation, kind, reply.Status, $"Daraja gateway fault: {faultString}", faultCode, null, null);
                }
            }
        }

        var shape = reply.LooksLikeHtml ? "an HTML page"
            : string.IsNullOrWhiteSpace(reply.Body) ? "an empty body"
            : "a body that is not Daraja's error JSON";
        return Create(operation, KindFromStatus(operation, reply.Status), reply.Status,
            $"Daraja answered HTTP {reply.Status} with {shape}.", null, null, null);
    }

    /// <summary>True when the answer says the bearer token was refused (safe to fetch a new one and retry once).</summary>
    public static bool IsInvalidToken(DarajaOperation operation, DarajaReply reply) =>
        !reply.IsSuccess && Read(operation, reply).Kind == DarajaErrorKind.InvalidToken;

    public static DarajaException FromErrorCode(DarajaOperation operation, int status, string errorCode, string message, string? requestId)
    {
        string? field = null;
        var kind = errorCode switch
        {
            "404.001.03" or "400.003.01" or "404.001.04" => DarajaErrorKind.InvalidToken,
            "400.008.01" or "400.008.02" => DarajaErrorKind.AuthenticationFailed,
            "400.002.02" or "400.002.05" or "400.003.02" => DarajaErrorKind.BadRequest,
            "500.003.02" or "500.003.03" => DarajaErrorKind.RateLimited,
            "404.001.01" or "404.003.01" or "405.001" => DarajaErrorKind.NotFound,
            "500.001.1001" => KindOf1001(message),
            _ => KindFromStatus(operation, status),
        };

        if (kind == DarajaErrorKind.BadRequest && InvalidFieldPattern().Match(message) is { Success: true } match)
        {
            field = match.Groups["field"].Value;
        }

        return Create(operation, kind, status, $"Daraja {errorCode}: {message}", errorCode, requestId, field);
    }

    private static DarajaErrorKind KindOf1001(string message)
    {
        // One code, several meanings: only the message tells them apart (daraja.md §2 error table).
        if (message.Contains("wrong credentials", StringComparison.OrdinalIgnoreCase))
        {
            return DarajaErrorKind.WrongCredentials;
        }

        if (message.Contains("merchant does not exist", StringComparison.OrdinalIgnoreCase))
        {
            return DarajaErrorKind.MerchantDoesNotExist;
        }

        return message.Contains("lock subscriber", StringComparison.OrdinalIgnoreCase)
            ? DarajaErrorKind.SubscriberLocked
            : DarajaErrorKind.ServerError;
    }

    private static DarajaErrorKind KindFromStatus(DarajaOperation operation, int status) => status switch
    {
        400 or 401 or 403 when operation == DarajaOperation.AccessToken => DarajaErrorKind.AuthenticationFailed,
        401 or 403 => DarajaErrorKind.InvalidToken,
        400 or 422 => DarajaErrorKind.BadRequest,
        404 or 405 => DarajaErrorKind.NotFound,
        429 => DarajaErrorKind.RateLimited,
        >= 200 and < 300 => DarajaErrorKind.InvalidResponse,
        _ => DarajaErrorKind.ServerError,
    };

    private static DarajaException Create(
        DarajaOperation operation, DarajaErrorKind kind, int status, string message, string? errorCode, string? requestId, string? field)
    {
        // A push that reached Daraja and came back as a server fault may still have been processed; every refusal
        // kind (token, validation, credentials, lock, rate limit) happens before processing.
        var unknown = operation == DarajaOperation.StkPush
            && kind is DarajaErrorKind.ServerError or DarajaErrorKind.InvalidResponse;
        return new DarajaException(operation, kind, message, status, errorCode, requestId, field, unknown);
    }

    private static bool TryReadSoapFault(JsonElement root, out string? faultCode, out string faultString)
    {
        faultCode = null;
        faultString = string.Empty;
        if (!DarajaJson.TryGet(root, "Envelope", out var envelope)
            || !DarajaJson.TryGet(envelope, "Body", out var body)
            || !DarajaJson.TryGet(body, "Fault", out var fault))
        {
            return false;
        }

        faultCode = DarajaJson.Text(fault, "faultcode");
        if (DarajaJson.TryGet(fault, "detail", out var detail)
            && DarajaJson.TryGet(detail, "source", out var source)
            && DarajaJson.Text(source, "errorcode") is { } detailCode)
        {
            faultCode = detailCode;
        }

        faultString = DarajaJson.Text(fault, "faultstring") ?? "unknown fault";
        return true;
    }

    [GeneratedRegex(@"Invalid\s+(?<field>[A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidFieldPattern();
}
