using Microsoft.AspNetCore.Http.HttpResults;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Contracts;
using WifiBilling.Portal.Contracts.Plans;

namespace WifiBilling.Portal.Endpoints;

/// <summary>Plans: what the buy page sells (<c>GET /api/plans</c>) and the operator's CRUD under <c>/api/admin/plans</c>.</summary>
public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans", ListPlansForSaleAsync)
            .WithName("ListPlansForSale")
            .WithSummary("Plans a customer can buy")
            .WithDescription(
                "Active plans, sorted. With ?router=<NAS-Identifier> (the router identity login.html sends), only the plans sold " +
                "on that router; an unknown or disabled router is 404. Without it, only the plans sold on every router.")
            .WithTags("Customer");

        var admin = app.MapAdminGroup();
        admin.MapGet("/plans", ListPlansAsync)
            .WithName("ListPlans")
            .WithSummary("All plans, inactive ones too, in sale order");
        admin.MapPost("/plans", CreatePlanAsync)
            .WithName("CreatePlan")
            .WithSummary("Creates a plan");
        admin.MapGet("/plans/{id}", GetPlanAsync)
            .WithName("GetPlan")
            .WithSummary("One plan");
        admin.MapPut("/plans/{id}", UpdatePlanAsync)
            .WithName("UpdatePlan")
            .WithSummary("Replaces a plan's terms (active=false takes it off sale); vouchers already sold keep theirs");
        admin.MapDelete("/plans/{id}", DeletePlanAsync)
            .WithName("DeletePlan")
            .WithSummary("Deletes a plan; vouchers and payments keep their copy of its terms");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<PlanResponse>>, ProblemHttpResult>> ListPlansForSaleAsync(
        string? router,
        IPlanStore plans,
        IRouterStore routers,
        CancellationToken cancellationToken)
    {
        string? routerId = null;
        if (!string.IsNullOrWhiteSpace(router))
        {
            // RouterOS sends its identity as NAS-Identifier, compared exactly as the RADIUS registry does.
            var identity = router.Trim();
            var found = (await routers.ListAsync(cancellationToken))
                .FirstOrDefault(r => r.Enabled && string.Equals(r.NasIdentifier, identity, StringComparison.Ordinal));
            if (found is null)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Unknown hotspot",
                    detail: "No enabled router has this NAS-Identifier (router identity).",
                    extensions: Errors("router", "is not a registered hotspot"));
            }

            routerId = found.Id;
        }

        // A payment without a router can only buy a plan sold everywhere, so that is all a page without one may offer.
        var forSale = (await plans.ListActiveAsync(routerId, cancellationToken))
            .Where(p => p.IsAvailableOn(routerId))
            .Select(p => p.ToResponse())
            .ToList();
        return TypedResults.Ok<IReadOnlyList<PlanResponse>>(forSale);
    }

    public static async Task<Ok<PageResponse<AdminPlanResponse>>> ListPlansAsync(
        int? offset,
        int? limit,
        IPlanStore plans,
        CancellationToken cancellationToken)
    {
        var (skip, take) = (offset ?? 0, limit ?? PageRequest.DefaultLimit);
        PageRequest.Validate(skip, take);
        var all = await plans.ListAsync(cancellationToken);
        var page = all.Skip(skip).Take(take).Select(p => p.ToAdminResponse()).ToList();
        return TypedResults.Ok(new PageResponse<AdminPlanResponse>(page, all.Count, skip, take));
    }

    public static async Task<Results<Ok<AdminPlanResponse>, ProblemHttpResult>> GetPlanAsync(
        string id,
        IPlanStore plans,
        CancellationToken cancellationToken) =>
        await plans.FindAsync(id, cancellationToken) is { } plan
            ? TypedResults.Ok(plan.ToAdminResponse())
            : PlanNotFound();

    public static async Task<Created<AdminPlanResponse>> CreatePlanAsync(
        PlanRequest? request,
        IPlanStore plans,
        IRouterStore routers,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var definition = await ValidateAsync(request, routers, cancellationToken);
        var plan = await plans.CreateAsync(definition, cancellationToken);
        Log(loggers).LogInformation("Plan {PlanId} created: {PlanName}, KES {Price}", plan.Id, plan.Name, plan.PriceKes);
        return TypedResults.Created($"/api/admin/plans/{plan.Id}", plan.ToAdminResponse());
    }

    public static async Task<Results<Ok<AdminPlanResponse>, ProblemHttpResult>> UpdatePlanAsync(
        string id,
        PlanRequest? request,
        IPlanStore plans,
        IRouterStore routers,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var definition = await ValidateAsync(request, routers, cancellationToken);
        var plan = await plans.UpdateAsync(id, definition, cancellationToken);
        if (plan is null)
        {
            return PlanNotFound();
        }

        Log(loggers).LogInformation("Plan {PlanId} updated: {PlanName}, KES {Price}, active {Active}", plan.Id, plan.Name, plan.PriceKes, plan.Active);
        return TypedResults.Ok(plan.ToAdminResponse());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePlanAsync(
        string id,
        IPlanStore plans,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!await plans.DeleteAsync(id, cancellationToken))
        {
            return PlanNotFound();
        }

        Log(loggers).LogInformation("Plan {PlanId} deleted", id);
        return TypedResults.NoContent();
    }

    /// <summary>The request in the API's field names, and every router it names must exist.</summary>
    private static async Task<PlanDefinition> ValidateAsync(PlanRequest? request, IRouterStore routers, CancellationToken cancellationToken)
    {
        // The body is optional in the signature so that a caller without the admin key gets 401, not a binding error.
        var definition = (request ?? throw new BillingValidationException("body", "is required: a JSON plan")).ToDefinition();
        if (definition.AllowedRouterIds is { Count: > 0 } routerIds)
        {
            var known = (await routers.ListAsync(cancellationToken)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = routerIds.FirstOrDefault(r => !known.Contains(r));
            if (unknown is not null)
            {
                throw new BillingValidationException("routerIds", $"'{unknown}' is not a router id");
            }
        }

        return definition;
    }

    private static ILogger Log(ILoggerFactory loggers) => loggers.CreateLogger(typeof(PlanEndpoints));

    private static ProblemHttpResult PlanNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Plan not found", detail: "No plan has this id.");

    private static Dictionary<string, object?> Errors(string field, string reason) =>
        new() { ["errors"] = new Dictionary<string, string[]> { [field] = [reason] } };
}
