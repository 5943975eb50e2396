using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Contracts.Routers;
using WifiBilling.Portal.Hosting;
using WifiBilling.Portal.Routers;

namespace WifiBilling.Portal.Endpoints;

/// <summary>
/// <c>/api/admin/routers</c>: the MikroTik routers allowed to use our RADIUS server. Every change reloads the RADIUS
/// client registry at once (other instances see it within <c>Hotspot:RegistryRefreshInterval</c>), so adding,
/// changing or disabling a router needs no restart.
/// </summary>
public static class RouterEndpoints
{
    public static IEndpointRouteBuilder MapRouterEndpoints(this IEndpointRouteBuilder app)
    {
        var routers = app.MapAdminGroup().MapGroup("/routers").WithTags("Routers");
        routers.MapGet("/", ListRoutersAsync).WithName("ListRouters").WithSummary("Lists every router, enabled or not (secrets are never shown).");
        routers.MapPost("/", CreateRouterAsync).WithName("CreateRouter").WithSummary("Adds a router: its address or NAS-Identifier and its RADIUS shared secret.");
        routers.MapGet("/{id}", GetRouterAsync).WithName("GetRouter").WithSummary("One router.");
        routers.MapPut("/{id}", ReplaceRouterAsync).WithName("ReplaceRouter").WithSummary("Replaces a router's settings; a missing secret keeps the current one.");
        routers.MapDelete("/{id}", DeleteRouterAsync).WithName("DeleteRouter").WithSummary("Removes a router; its packets are dropped from then on.");
        routers.MapGet("/{id}/script", GetRouterScriptAsync).WithName("GetRouterScript")
            .WithSummary("The RouterOS script (mikrotik-radius.rsc filled in) that sets this router up; it contains the secret.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RouterResponse>>> ListRoutersAsync(IRouterStore routers, CancellationToken cancellationToken)
    {
        var all = await routers.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RouterResponse>>(all.Select(RouterResponse.From).ToList());
    }

    public static async Task<Created<RouterResponse>> CreateRouterAsync(
        RouterRequest body,
        IRouterStore routers,
        RouterRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var secret = body.ValidatedSecret(required: true)!;
        var router = await routers.CreateAsync(body.ToDefinition(), secret, cancellationToken);
        await registry.RefreshAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/routers/{router.Id}", RouterResponse.From(router));
    }

    public static async Task<Results<Ok<RouterResponse>, ProblemHttpResult>> GetRouterAsync(string id, IRouterStore routers, CancellationToken cancellationToken) =>
        await routers.FindAsync(id, cancellationToken) is { } router
            ? TypedResults.Ok(RouterResponse.From(router))
            : NotFound(id);

    public static async Task<Results<Ok<RouterResponse>, ProblemHttpResult>> ReplaceRouterAsync(
        string id,
        RouterRequest body,
        IRouterStore routers,
        RouterRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var secret = body.ValidatedSecret(required: false);
        var router = await routers.UpdateAsync(id, body.ToDefinition(), secret, cancellationToken);
        if (router is null)
        {
            return NotFound(id);
        }

        await registry.RefreshAsync(cancellationToken);
        return TypedResults.Ok(RouterResponse.From(router));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteRouterAsync(
        string id,
        IRouterStore routers,
        RouterRegistry registry,
        CancellationToken cancellationToken)
    {
        if (!await routers.DeleteAsync(id, cancellationToken))
        {
            return NotFound(id);
        }

        await registry.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The script needs the router's secret in clear, which only the registry holds (for enabled routers), and the
    /// server's public address and portal host from configuration (<see cref="RouterScriptOptions"/>).
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetRouterScriptAsync(
        string id,
        IRouterStore routers,
        RouterRegistry registry,
        MikrotikScriptGenerator generator,
        IOptions<RouterScriptOptions> options,
        CancellationToken cancellationToken)
    {
        var router = await routers.FindAsync(id, cancellationToken);
        if (router is null)
        {
            return NotFound(id);
        }

        await registry.RefreshIfChangedAsync(cancellationToken);
        if (!registry.TryGetRouter(id, out var credentials))
        {
            throw new BillingConflictException($"Router {id} is disabled; enable it to get its script.");
        }

        var settings = options.Value;
        var values = new MikrotikScriptValues
        {
            RadiusServerAddress = Required(settings.RadiusPublicAddress, PortalHotspotExtensions.RadiusPublicAddressKey),
            PortalHost = Required(settings.PortalPublicHost, PortalHotspotExtensions.PortalPublicHostKey),
            RadiusSecret = credentials.SharedSecret,
            NasIdentifier = router.NasIdentifier ?? router.Name,
            CoaPort = router.CoaPort,
            RadiusAuthPort = settings.RadiusPublicAuthPort,
            RadiusAcctPort = settings.RadiusPublicAcctPort,
            SecondaryRadiusServerAddress = settings.RadiusSecondaryPublicAddress,
        };
        try
        {
            return TypedResults.Text(generator.Generate(values), "text/plain; charset=utf-8");
        }
        catch (ArgumentException ex)
        {
            throw new BillingValidationException(FieldOf(ex.ParamName), ex.Message);
        }
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new BillingValidationException(key, "is not configured; the router script needs it") : value;

    /// <summary>The setting or router field behind a <see cref="MikrotikScriptValues"/> property.</summary>
    private static string FieldOf(string? parameter) => parameter switch
    {
        nameof(MikrotikScriptValues.RadiusServerAddress) => PortalHotspotExtensions.RadiusPublicAddressKey,
        nameof(MikrotikScriptValues.SecondaryRadiusServerAddress) => "Radius:SecondaryPublicAddress",
        nameof(MikrotikScriptValues.RadiusAuthPort) => "Radius:PublicAuthPort",
        nameof(MikrotikScriptValues.RadiusAcctPort) => "Radius:PublicAcctPort",
        nameof(MikrotikScriptValues.PortalHost) => PortalHotspotExtensions.PortalPublicHostKey,
        nameof(MikrotikScriptValues.NasIdentifier) => "nasIdentifier",
        nameof(MikrotikScriptValues.CoaPort) => "coaPort",
        nameof(MikrotikScriptValues.RadiusSecret) => "secret",
        _ => parameter ?? "router",
    };

    private static ProblemHttpResult NotFound(string id) => HotspotProblems.NotFound("Router", id);
}
