using Microsoft.AspNetCore.Http.HttpResults;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Contracts;
using WifiBilling.Portal.Contracts.Vouchers;

namespace WifiBilling.Portal.Endpoints;

/// <summary>
/// Vouchers for the operator: sell one for cash (<c>POST /api/admin/activate</c>, the seed's endpoint), print a batch,
/// list and look up, revoke (open sessions are disconnected at once) and top up (open sessions get the new
/// Session-Timeout by CoA). A voucher code in the path is read as typed (any case, O/0, I/L/1).
/// </summary>
public static class VoucherEndpoints
{
    /// <summary>Largest top-up: a plan's longest duration (366 days).</summary>
    public static readonly int MaxExtendMinutes = (int)PlanDefinition.MaxDuration.TotalMinutes;

    public static IEndpointRouteBuilder MapVoucherEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapAdminGroup().WithTags("Vouchers");
        admin.MapPost("/activate", ActivateVoucherAsync).WithName("ActivateVoucher")
            .WithSummary("Sells a voucher for cash: mints an unused voucher of the plan, optionally bound to the customer's device.");
        var vouchers = admin.MapGroup("/vouchers");
        vouchers.MapGet("/", ListVouchersAsync).WithName("ListVouchers").WithSummary("Vouchers, newest first, with filters.");
        vouchers.MapPost("/batch", CreateVoucherBatchAsync).WithName("CreateVoucherBatch").WithSummary("Mints a batch of vouchers to print as cards.");
        vouchers.MapGet("/{code}", GetVoucherAsync).WithName("GetVoucher").WithSummary("One voucher with its usage and time left.");
        vouchers.MapPost("/{code}/revoke", RevokeVoucherAsync).WithName("RevokeVoucher").WithSummary("Revokes a voucher and disconnects its open sessions.");
        vouchers.MapPost("/{code}/extend", ExtendVoucherAsync).WithName("ExtendVoucher").WithSummary("Tops a voucher up; open sessions get the new Session-Timeout by CoA.");
        return app;
    }

    public static async Task<Created<VoucherResponse>> ActivateVoucherAsync(
        ActivateVoucherRequest body,
        IPlanStore plans,
        IVoucherStore vouchers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var plan = await FindPlanAsync(plans, body.PlanId, cancellationToken);
        var issue = new VoucherIssue(
            plan.Snapshot(),
            VoucherSource.Admin,
            Phone: string.IsNullOrWhiteSpace(body.Phone) ? null : PhoneNumber.Parse(body.Phone),
            Note: string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            Device: string.IsNullOrWhiteSpace(body.Mac) ? null : MacAddress.Parse(body.Mac));
        var voucher = await vouchers.CreateAsync(issue, cancellationToken);
        return TypedResults.Created($"/api/admin/vouchers/{voucher.Code.Value}", VoucherResponse.From(voucher, time.GetUtcNow()));
    }

    public static async Task<Ok<PageResponse<VoucherResponse>>> ListVouchersAsync(
        IVoucherStore vouchers,
        TimeProvider time,
        CancellationToken cancellationToken,
        string? status = null,
        string? planId = null,
        string? batchId = null,
        string? code = null,
        string? from = null,
        string? to = null,
        string? offset = null,
        string? limit = null)
    {
        var query = VoucherListQuery.Parse(status, planId, batchId, code, from, to, offset, limit);
        var page = await vouchers.ListAsync(query, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(page.ToResponse(v => VoucherResponse.From(v, now)));
    }

    public static async Task<Created<VoucherBatchResponse>> CreateVoucherBatchAsync(
        VoucherBatchRequest body,
        IPlanStore plans,
        IVoucherStore vouchers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var plan = await FindPlanAsync(plans, body.PlanId, cancellationToken);
        if (body.Count is not { } count)
        {
            throw new BillingValidationException("count", $"is required: how many vouchers to print, 1 to {VoucherIssue.MaxBatchCount}");
        }

        var batchId = BillingIds.NewBatchId();
        var minted = await vouchers.CreateManyAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Batch, batchId), count, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Created(
            $"/api/admin/vouchers?batchId={batchId}",
            new VoucherBatchResponse(batchId, minted.Select(v => VoucherResponse.From(v, now)).ToList()));
    }

    public static async Task<Results<Ok<VoucherResponse>, ProblemHttpResult>> GetVoucherAsync(
        string code,
        IVoucherStore vouchers,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        Found(await vouchers.FindAsync(code, cancellationToken), code, time);

    public static async Task<Results<Ok<VoucherResponse>, ProblemHttpResult>> RevokeVoucherAsync(
        string code,
        VoucherControlService control,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        Found(await control.RevokeAsync(code, cancellationToken), code, time);

    public static async Task<Results<Ok<VoucherResponse>, ProblemHttpResult>> ExtendVoucherAsync(
        string code,
        ExtendVoucherRequest body,
        VoucherControlService control,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Minutes is not { } minutes || minutes < 1 || minutes > MaxExtendMinutes)
        {
            throw new BillingValidationException("minutes", $"must be whole minutes from 1 to {MaxExtendMinutes}");
        }

        return Found(await control.ExtendAsync(code, TimeSpan.FromMinutes(minutes), cancellationToken), code, time);
    }

    private static async Task<Plan> FindPlanAsync(IPlanStore plans, string? planId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(planId))
        {
            throw new BillingValidationException("planId", "is required");
        }

        return await plans.FindAsync(planId, cancellationToken)
            ?? throw new BillingValidationException("planId", "no plan has this id");
    }

    private static Results<Ok<VoucherResponse>, ProblemHttpResult> Found(Voucher? voucher, string code, TimeProvider time) =>
        voucher is null
            ? HotspotProblems.NotFound("Voucher", code)
            : TypedResults.Ok(VoucherResponse.From(voucher, time.GetUtcNow()));
}
