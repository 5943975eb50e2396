namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>What went wrong in a Daraja call, independent of the body shape it arrived in (daraja.md §1, §2).</summary>
public enum DarajaErrorKind
{
    /// <summary>404.001.03 "Invalid Access Token" (or 400.003.01 on C2B): the token was refused before processing.</summary>
    InvalidToken,

    /// <summary>400.008.01/400.008.02 or any other refusal of the OAuth call: wrong consumer key/secret or app set-up.</summary>
    AuthenticationFailed,

    /// <summary>400.002.02 "Bad Request - Invalid X" (or 400.002.05 invalid payload); <see cref="DarajaException.Field"/> names X.</summary>
    BadRequest,

    /// <summary>500.001.1001 "Wrong credentials": passkey, shortcode or timestamp do not match the Password.</summary>
    WrongCredentials,

    /// <summary>500.001.1001 "Merchant does not exist": the BusinessShortCode is not the one used on Go Live.</summary>
    MerchantDoesNotExist,

    /// <summary>500.001.1001 "Unable to lock subscriber": another STK push to this phone is still open.</summary>
    SubscriberLocked,

    /// <summary>500.003.02 Spike Arrest / "System is busy", 500.003.03 Quota Violation, HTTP 429.</summary>
    RateLimited,

    /// <summary>404.001.01 resource not found or 405.001 method not allowed: a wrong URL or method, i.e. a set-up bug.</summary>
    NotFound,

    /// <summary>Any other 5xx, a SOAP fault or an HTML page from the Apigee gateway, or an error body we cannot read.</summary>
    ServerError,

    /// <summary>A 2xx answer whose body is not the JSON Daraja documents.</summary>
    InvalidResponse,

    /// <summary>No answer within the configured timeout. For a push the outcome is unknown: settle it by STK Query.</summary>
    Timeout,

    /// <summary>The connection failed (DNS, refused, reset) before an answer arrived.</summary>
    Unreachable,

    /// <summary>An STK push answered 200 with a ResponseCode other than "0".</summary>
    Rejected,
}
