using Microsoft.AspNetCore.Http.HttpResults;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Contracts.Sessions;

namespace WifiBilling.Portal.Endpoints;

/// <summary>
/// Hotspot sessions as accounting recorded them, and the operator's disconnect: the Disconnect-Request goes to the
/// router from a background worker and its ACK/NAK/timeout is recorded on the session.
/// </summary>
public static class SessionEndpoints
{
    private const int DefaultClosedSessions = 100;
    private const int MaxClosedSessions = 1_000;

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapAdminGroup().MapGroup("/sessions").WithTags("Sessions");
        sessions.MapGet("/", ListSessionsAsync).WithName("ListSessions")
            .WithSummary("Open sessions (active=true, the default; oldest first) or closed ones (active=false; most recently closed first, limit 1–1000, default 100), optionally of one router and/or one voucher.");
        sessions.MapPost("/{id}/disconnect", DisconnectSessionAsync).WithName("DisconnectSession")
            .WithSummary("Sends a Disconnect-Request for an open session; the outcome is recorded on the session.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<SessionResponse>>> ListSessionsAsync(
        ISessionStore sessions,
        IRouterStore routers,
        CancellationToken cancellationToken,
        string? active = null,
        string? routerId = null,
        string? voucher = null,
        int? limit = null)
    {
        var open = active is null || string.Equals(active, "true", StringComparison.OrdinalIgnoreCase);
        if (!open && !string.Equals(active, "false", StringComparison.OrdinalIgnoreCase))
        {
            throw new BillingValidationException("active", "must be true (open sessions) or false (closed sessions, most recently closed first)");
        }

        if (limit is < 1 or > MaxClosedSessions)
        {
            throw new BillingValidationException("limit", $"must be from 1 to {MaxClosedSessions}");
        }

        var found = open
            ? await sessions.ListOpenAsync(Blank(voucher), Blank(routerId), cancellationToken)
            : await sessions.ListClosedAsync(Blank(voucher), Blank(routerId), limit ?? DefaultClosedSessions, cancellationToken);
        var names = (await routers.ListAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        return TypedResults.Ok<IReadOnlyList<SessionResponse>>(
            found.Select(s => SessionResponse.From(s, names.GetValueOrDefault(s.RouterId))).ToList());
    }

    public static async Task<Results<Accepted<SessionResponse>, ProblemHttpResult>> DisconnectSessionAsync(
        string id,
        VoucherControlService control,
        IRouterStore routers,
        CancellationToken cancellationToken)
    {
        var session = await control.DisconnectSessionAsync(id, cancellationToken);
        if (session is null)
        {
            return HotspotProblems.NotFound("Session", id);
        }

        var router = await routers.FindAsync(session.RouterId, cancellationToken);
        return TypedResults.Accepted($"/api/admin/sessions?voucher={session.VoucherCode}", SessionResponse.From(session, router?.Name));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
