using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Contracts;
using WifiBilling.Portal.Contracts.Payments;

namespace WifiBilling.Portal.Endpoints;

/// <summary>
/// The operator's payment list and its CSV export (admin key required). Phones are masked everywhere; the CSV also
/// masks voucher codes, because exported files travel further than the API.
/// </summary>
public static class AdminPaymentEndpoints
{
    private static readonly string[] s_csvColumns =
    [
        "paymentId", "createdAt", "status", "phone", "amount", "paidAmount", "planId", "planName", "routerId", "mac", "ip",
        "checkoutRequestId", "mpesaReceipt", "resultCode", "resultDesc", "voucherCode", "paidAt", "queryAttempts",
    ];

    public static IEndpointRouteBuilder MapAdminPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapAdminGroup();
        admin.MapGet("/payments", ListAsync).WithName("ListPayments")
            .WithSummary("Payments, newest first: filter by status, phone, routerId, planId, from, to; page with offset, limit");
        admin.MapGet("/payments/export.csv", ExportCsvAsync).WithName("ExportPayments")
            .WithSummary("The same list as CSV (all matching payments)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    public static async Task<Ok<PageResponse<AdminPaymentResponse>>> ListAsync(
        [AsParameters] AdminPaymentFilter filter, IPaymentStore payments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(payments);
        var page = await payments.ListAsync(filter.ToQuery(), cancellationToken);
        return TypedResults.Ok(page.ToResponse(p => p.ToAdminResponse()));
    }

    public static async Task ExportCsvAsync(
        [AsParameters] AdminPaymentFilter filter, HttpContext context, IPaymentStore payments, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(time);

        // Pages are read newest first: freezing the end at "now" keeps new payments from shifting the pages.
        var query = filter.ToQuery() with { Offset = 0, Limit = PageRequest.MaxLimit };
        query = query with { CreatedTo = query.CreatedTo ?? time.GetUtcNow() };

        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"payments.csv\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteLineAsync(string.Join(',', s_csvColumns));
        while (true)
        {
            var page = await payments.ListAsync(query, cancellationToken);
            foreach (var payment in page.Items)
            {
                await writer.WriteLineAsync(Row(payment));
            }

            if (page.Items.Count < query.Limit)
            {
                break;
            }

            query = query with { Offset = query.Offset + query.Limit };
        }
    }

    private static string Row(Payment payment)
    {
        string?[] fields =
        [
            payment.Id, Time(payment.CreatedAt), JsonNamingPolicy.KebabCaseLower.ConvertName(payment.Status.ToString()), payment.Phone.Masked, Number(payment.AmountKes),
            payment.PaidAmountKes is { } paid ? Number(paid) : null, payment.Plan.PlanId, payment.Plan.Name, payment.RouterId,
            payment.Mac?.Value, payment.ClientIp, payment.CheckoutRequestId, payment.MpesaReceipt, payment.ResultCode,
            payment.ResultDesc, payment.VoucherCode is null ? null : VoucherCode.Mask(payment.VoucherCode),
            payment.PaidAt is { } paidAt ? Time(paidAt) : null, Number(payment.QueryAttempts),
        ];
        return string.Join(',', fields.Select(Escape));
    }

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula (=, +, -, @):
    /// ResultDesc and plan names are text from outside.
    /// </summary>
    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
