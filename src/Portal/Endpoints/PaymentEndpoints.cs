using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using WifiBilling.Billing.Payments;
using WifiBilling.Billing.Payments.C2B;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Checkout;
using WifiBilling.Billing.Payments.Daraja.Callbacks;
using WifiBilling.Billing.Payments.Recovery;
using WifiBilling.Billing.Payments.Status;
using WifiBilling.Portal.Contracts.Payments;

namespace WifiBilling.Portal.Endpoints;

/// <summary>
/// The customer's payment API (pay, poll, recover) and the URLs Daraja posts to (STK callback, C2B validation and
/// confirmation), each guarded by the secret key in its path. Request logs show route patterns only, so the key never
/// reaches a log.
/// </summary>
public static class PaymentEndpoints
{
    /// <summary>Daraja's callbacks are a few hundred bytes; anything far larger is not one.</summary>
    private const int MaxCallbackBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/payments").WithTags("Payments");
        payments.MapPost("/pay", PayAsync).WithName("Pay")
            .WithSummary("Start an M-Pesa STK push for a plan; poll the payment for the result");
        payments.MapGet("/{paymentId}", GetPaymentAsync).WithName("GetPayment")
            .WithSummary("Status of a payment, with its voucher once paid");
        payments.MapPost("/recover", RecoverAsync).WithName("RecoverPayment")
            .WithSummary("\"I already paid\": the voucher for an M-Pesa receipt and the paying phone");

        var daraja = app.MapGroup("/api/payments").WithTags("Daraja callbacks");
        daraja.MapPost("/callback/{key}", StkCallbackAsync).WithName("StkCallback")
            .WithSummary("Daraja STK callback; the key is the secret from the callback URL");
        daraja.MapPost("/c2b/validation/{key}", C2BValidationAsync).WithName("C2BValidation")
            .WithSummary("Daraja C2B validation (direct PayBill/Till payments)");
        daraja.MapPost("/c2b/confirmation/{key}", C2BConfirmationAsync).WithName("C2BConfirmation")
            .WithSummary("Daraja C2B confirmation (direct PayBill/Till payments)");
        foreach (var keyless in new[] { "/callback", "/c2b/validation", "/c2b/confirmation" })
        {
            daraja.MapPost(keyless, () => WrongKey()).ExcludeFromDescription();
        }

        return app;
    }

    public static async Task<Results<Accepted<PayResponse>, ProblemHttpResult>> PayAsync(
        PayRequest request, HttpContext context, PaymentCheckout checkout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(checkout);
        try
        {
            var payment = await checkout.StartAsync(
                new PurchaseRequest(request.PlanId, request.Phone, request.Mac, request.Ip ?? RemoteIp(context), request.Router),
                cancellationToken);
            return TypedResults.Accepted(
                $"/api/payments/{payment.Id}",
                new PayResponse(payment.Id, payment.Status, PaymentMessages.For(payment).ToResponse()));
        }
        catch (PaymentLimitExceededException ex)
        {
            return TooManyRequests(ex);
        }
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> GetPaymentAsync(
        string paymentId, PaymentStatusReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var view = await reader.GetAsync(paymentId, cancellationToken);
        return view is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Payment not found", detail: "No payment has this id.")
            : TypedResults.Ok(view.ToResponse());
    }

    public static async Task<Results<Ok<RecoverResponse>, ProblemHttpResult>> RecoverAsync(
        RecoverRequest request, HttpContext context, PaymentRecovery recovery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recovery);
        try
        {
            var recovered = await recovery.RecoverAsync(request.Phone, request.Receipt, RemoteIp(context), cancellationToken);
            return recovered is null
                ? TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "No voucher found",
                    detail: "No paid payment matches this phone number and M-Pesa code. Check both and try again, or ask the attendant.")
                : TypedResults.Ok(new RecoverResponse(recovered.PaymentId, recovered.Voucher.ToResponse()));
        }
        catch (PaymentLimitExceededException ex)
        {
            return TooManyRequests(ex);
        }
    }

    public static async Task<Results<Ok<DarajaAcknowledgement>, ProblemHttpResult>> StkCallbackAsync(
        string key, HttpRequest request, PaymentCallbackKey callbackKey, StkCallbackHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (body, refusal) = await ReadNotificationAsync(key, request, callbackKey);
        if (refusal is not null)
        {
            return refusal;
        }

        // Not cancelled with the request: once started, the durable write finishes even if Daraja hangs up.
        var handling = await handler.HandleAsync(body!, CancellationToken.None);
        return handling.Acknowledge
            ? TypedResults.Ok(DarajaAcknowledgement.Accepted)
            : BadBody(handling.Error ?? "is not a Daraja STK callback");
    }

    public static async Task<Results<Ok<DarajaCallbackReply>, ProblemHttpResult>> C2BValidationAsync(
        string key, HttpRequest request, PaymentCallbackKey callbackKey, C2BNotificationHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (body, refusal) = await ReadNotificationAsync(key, request, callbackKey);

        // Daraja reads the verdict from the body (ResultCode 0 or C2B0001x), always with HTTP 200.
        return refusal ?? (Results<Ok<DarajaCallbackReply>, ProblemHttpResult>)TypedResults.Ok(
            await handler.ValidateAsync(body!, CancellationToken.None));
    }

    public static async Task<Results<Ok<DarajaAcknowledgement>, BadRequest<DarajaCallbackReply>, ProblemHttpResult>> C2BConfirmationAsync(
        string key, HttpRequest request, PaymentCallbackKey callbackKey, C2BNotificationHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var (body, refusal) = await ReadNotificationAsync(key, request, callbackKey);
        if (refusal is not null)
        {
            return refusal;
        }

        var confirmation = await handler.ConfirmAsync(body!, CancellationToken.None);
        return confirmation.Recorded
            ? TypedResults.Ok(DarajaAcknowledgement.Success)
            : TypedResults.BadRequest(DarajaCallbackReply.OtherError);
    }

    /// <summary>The body of a Daraja notification, or why it is refused: a wrong/missing key (checked first, so a forger learns nothing) or a body too large.</summary>
    private static async Task<(string? Body, ProblemHttpResult? Refusal)> ReadNotificationAsync(
        string key, HttpRequest request, PaymentCallbackKey callbackKey)
    {
        ArgumentNullException.ThrowIfNull(callbackKey);
        if (!callbackKey.Matches(key))
        {
            return (null, WrongKey());
        }

        return await ReadBodyAsync(request) is { } body ? (body, null) : (null, BodyTooLarge());
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxCallbackBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxCallbackBytes + 1];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await reader.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted)) > 0)
        {
            read += chunk;
        }

        return read > MaxCallbackBytes ? null : new string(buffer, 0, read);
    }

    /// <summary>The caller's address (IPv4-mapped IPv6 shown as IPv4), used when the page did not pass the device's IP.</summary>
    private static string? RemoteIp(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    private static ProblemHttpResult WrongKey() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unknown callback key",
            detail: "This URL accepts Daraja notifications only at the address (with its secret key) given to Daraja.");

    private static ProblemHttpResult BodyTooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large",
            detail: $"Daraja notifications are at most {MaxCallbackBytes / 1024} KB.");

    private static ProblemHttpResult BadBody(string error) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request is not valid",
            detail: "body: " + error,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [error] } });

    private static ProblemHttpResult TooManyRequests(PaymentLimitExceededException ex) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: ex.Message,
            extensions: new Dictionary<string, object?> { ["limit"] = ex.Key });
}
