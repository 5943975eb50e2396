namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// A Daraja call that did not succeed. <see cref="Kind"/> is the thing to branch on; <see cref="ErrorCode"/>,
/// <see cref="HttpStatus"/> and <see cref="RequestId"/> are Daraja's own values for logs and support tickets.
/// </summary>
public sealed class DarajaException : Exception
{
    public DarajaException(
        DarajaOperation operation,
        DarajaErrorKind kind,
        string message,
        int? httpStatus = null,
        string? errorCode = null,
        string? requestId = null,
        string? field = null,
        bool isOutcomeUnknown = false,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        Kind = kind;
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        RequestId = requestId;
        Field = field;
        IsOutcomeUnknown = isOutcomeUnknown;
    }

    public DarajaOperation Operation { get; }

    public DarajaErrorKind Kind { get; }

    /// <summary>HTTP status of the answer; null when none arrived (timeout, unreachable).</summary>
    public int? HttpStatus { get; }

    /// <summary>Daraja's errorCode (e.g. <c>400.002.02</c>), or the SOAP faultcode; null when the body had none.</summary>
    public string? ErrorCode { get; }

    public string? RequestId { get; }

    /// <summary>For <see cref="DarajaErrorKind.BadRequest"/>: the field Daraja named ("Bad Request - Invalid Amount" → Amount).</summary>
    public string? Field { get; }

    /// <summary>
    /// True when Daraja may have acted on the request even though we got no usable answer (a push that timed out,
    /// a 5xx or unreadable body after sending). Never push again for it: ask STK Query later.
    /// </summary>
    public bool IsOutcomeUnknown { get; }
}
