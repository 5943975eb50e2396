using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using WifiBilling.Billing.Payments.Daraja.Wire;

namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// Typed HttpClient for Safaricom Daraja (registered by <see cref="DarajaServiceCollectionExtensions.AddDarajaClient"/>).
/// Only the token GET is retried by the resilience pipeline; a push is sent exactly once, because Daraja has no
/// idempotency and a second push can charge the customer twice (daraja.md §2). The one exception is a refused bearer
/// token (404.001.03): that request was refused before processing, so it is repeated once with a new token.
/// </summary>
public sealed class DarajaClient(
    HttpClient httpClient,
    DarajaTokenCache tokenCache,
    IOptions<DarajaOptions> options,
    TimeProvider timeProvider,
    ILogger<DarajaClient> logger) : IDarajaClient
{
    internal const string TokenPath = "oauth/v1/generate?grant_type=client_credentials";
    internal const string StkPushPath = "mpesa/stkpush/v1/processrequest";
    internal const string StkQueryPath = "mpesa/stkpushquery/v1/query";
    internal const string C2BRegisterPath = "mpesa/c2b/v2/registerurl";
    internal const int AccountReferenceMaxLength = 12;
    internal const int TransactionDescMaxLength = 13;
    internal const long MaxAmount = 250_000;

    private readonly DarajaOptions _options = options.Value;

    public Task<DarajaAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        tokenCache.GetOrFetchAsync(FetchAccessTokenAsync, cancellationToken);

    public async Task<StkPushAccepted> StkPushAsync(StkPushRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (shortCode, passKey) = RequireMerchant();
        if (!MpesaPhoneNumber.TryNormalize(request.PhoneNumber, out var phone))
        {
            throw new ArgumentException("PhoneNumber must be a Kenyan mobile number such as 0712345678 or 254712345678.", nameof(request));
        }

        if (request.Amount is < 1 or > MaxAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Amount, $"Amount must be 1 to {MaxAmount} whole shillings.");
        }

        if (DarajaCallbackUrlRules.Check(request.CallbackUrl, _options.Environment) is { } urlProblem)
        {
            throw new ArgumentException($"CallbackUrl {urlProblem}.", nameof(request));
        }

        var accountReference = SanitizeReference(request.AccountReference, AccountReferenceMaxLength);
        if (accountReference.Length == 0)
        {
            throw new ArgumentException("AccountReference must contain at least one letter or digit.", nameof(request));
        }

        var description = SanitizeReference(request.TransactionDescription, TransactionDescMaxLength);
        var timestamp = KenyaTime.ToTimestamp(timeProvider.GetUtcNow());
        var body = new StkPushWireRequest(
            shortCode,
            DarajaPassword.Compute(shortCode, passKey, timestamp),
            timestamp,
            _options.TransactionTypeName,
            request.Amount,
            phone,
            _options.PartyB ?? shortCode,
            phone,
            request.CallbackUrl.OriginalString,
            accountReference,
            description.Length == 0 ? "Payment" : description);

        var reply = await SendWithTokenAsync(DarajaOperation.StkPush, StkPushPath, body, cancellationToken);
        var accepted = DarajaResponseReader.ReadStkPush(reply);
        logger.LogInformation("STK push accepted for {Phone}, {Amount} KES: CheckoutRequestID {CheckoutRequestId}",
            MpesaPhoneNumber.Mask(phone), request.Amount, accepted.CheckoutRequestId);
        return accepted;
    }

    public async Task<StkQueryResult> QueryStkAsync(string checkoutRequestId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkoutRequestId);
        var (shortCode, passKey) = RequireMerchant();
        var timestamp = KenyaTime.ToTimestamp(timeProvider.GetUtcNow());
        var body = new StkQueryWireRequest(shortCode, DarajaPassword.Compute(shortCode, passKey, timestamp), timestamp, checkoutRequestId);
        var reply = await SendWithTokenAsync(DarajaOperation.StkQuery, StkQueryPath, body, cancellationToken);
        return DarajaResponseReader.ReadStkQuery(checkoutRequestId, reply);
    }

    public async Task<C2BRegistration> RegisterC2BUrlsAsync(
        Uri confirmationUrl, Uri? validationUrl, C2BDefaultAction defaultAction, CancellationToken cancellationToken)
    {
        var (shortCode, _) = RequireMerchant();
        foreach (var (url, name) in new[] { (confirmationUrl, nameof(confirmationUrl)), (validationUrl, nameof(validationUrl)) })
        {
            if (url is not null && DarajaCallbackUrlRules.Check(url, _options.Environment) is { } problem)
            {
                throw new ArgumentException($"{name} {problem}.", name);
            }
        }

        ArgumentNullException.ThrowIfNull(confirmationUrl);
        var body = new C2BRegisterWireRequest(
            _options.TransactionType == DarajaTransactionType.Till ? _options.TillNumber ?? shortCode : shortCode,
            defaultAction == C2BDefaultAction.Cancelled ? "Cancelled" : "Completed",
            confirmationUrl.OriginalString,
            validationUrl?.OriginalString);
        var reply = await SendWithTokenAsync(DarajaOperation.C2BRegisterUrls, C2BRegisterPath, body, cancellationToken);
        return DarajaResponseReader.ReadC2BRegistration(reply);
    }

    /// <summary>Keeps letters, digits, single spaces, '-', '_' and '.': '@', '#', '&amp;' and friends make Daraja fail (daraja.md §6).</summary>
    internal static string SanitizeReference(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                kept.Append(c);
            }
            else if (char.IsWhiteSpace(c) && kept.Length > 0 && kept[^1] != ' ')
            {
                kept.Append(' ');
            }
        }

        var result = kept.ToString().Trim();
        return result.Length <= maxLength ? result : result[..maxLength].TrimEnd();
    }

    private (string ShortCode, string PassKey) RequireMerchant()
    {
        if (!_options.IsConfigured || string.IsNullOrWhiteSpace(_options.ShortCode) || string.IsNullOrWhiteSpace(_options.PassKey))
        {
            throw new InvalidOperationException(
                "Daraja is not configured: set MPESA_CONSUMER_KEY, MPESA_CONSUMER_SECRET, SHORTCODE and PASSKEY (or the Daraja section).");
        }

        return (_options.ShortCode, _options.PassKey);
    }

    private async Task<DarajaAccessToken> FetchAccessTokenAsync(CancellationToken cancellationToken)
    {
        RequireMerchant();
        using var request = new HttpRequestMessage(HttpMethod.Get, TokenPath);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.ConsumerKey}:{_options.ConsumerSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        var reply = await SendAsync(DarajaOperation.AccessToken, request, cancellationToken);
        var token = DarajaResponseReader.ReadAccessToken(reply, timeProvider.GetUtcNow());
        logger.LogInformation("Fetched a Daraja access token valid until {ExpiresAt:O}", token.ExpiresAt);
        return token;
    }

    private async Task<DarajaReply> SendWithTokenAsync<TBody>(
        DarajaOperation operation, string path, TBody body, CancellationToken cancellationToken)
    {
        var token = await GetAccessTokenAsync(cancellationToken);
        var reply = await SendJsonAsync(operation, path, body, token, cancellationToken);
        if (!DarajaErrorReader.IsInvalidToken(operation, reply))
        {
            return reply;
        }

        // Refused before processing (404.001.03), e.g. another instance fetched a token and so voided ours:
        // drop it, fetch once (single-flight) and repeat this call once.
        logger.LogWarning("Daraja refused the access token on {Operation}; fetching a new token and retrying once", operation);
        tokenCache.Invalidate(token);
        token = await GetAccessTokenAsync(cancellationToken);
        return await SendJsonAsync(operation, path, body, token, cancellationToken);
    }

    private async Task<DarajaReply> SendJsonAsync<TBody>(
        DarajaOperation operation, string path, TBody body, DarajaAccessToken token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            // Daraja needs Content-Type application/json, or it answers "Invalid BusinessShortCode" ([OFF-STK] FAQ 9).
            Content = JsonContent.Create(body, options: DarajaJson.Write),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return await SendAsync(operation, request, cancellationToken);
    }

    private async Task<DarajaReply> SendAsync(DarajaOperation operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new DarajaReply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (TimeoutRejectedException ex)
        {
            throw TimedOut(operation, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation nobody asked for.
            throw TimedOut(operation, ex);
        }
        catch (HttpRequestException ex)
        {
            // A connection that never opened cannot have delivered the push; one that broke afterwards might have.
            var neverSent = ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
            throw new DarajaException(operation, DarajaErrorKind.Unreachable, $"Daraja could not be reached: {ex.Message}",
                isOutcomeUnknown: operation == DarajaOperation.StkPush && !neverSent, innerException: ex);
        }
    }

    private DarajaException TimedOut(DarajaOperation operation, Exception inner)
    {
        var limit = operation == DarajaOperation.AccessToken ? _options.TokenRequestTimeout : _options.RequestTimeout;
        return new DarajaException(operation, DarajaErrorKind.Timeout,
            $"Daraja did not answer {operation} within {limit.TotalSeconds:0.#} s.",
            isOutcomeUnknown: operation == DarajaOperation.StkPush, innerException: inner);
    }
}
