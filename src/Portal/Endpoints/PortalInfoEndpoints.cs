using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments;
using WifiBilling.Portal.Contracts.Payments;

namespace WifiBilling.Portal.Endpoints;

/// <summary><c>GET /api/portal/info</c>: what every page needs to know before it renders (simulated payments → banner).</summary>
public static class PortalInfoEndpoints
{
    public const string Currency = "KES";

    public static IEndpointRouteBuilder MapPortalInfoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/portal/info", GetInfo).WithTags("Portal").WithName("GetPortalInfo")
            .WithSummary("Whether payments are simulated (demo mode) and the currency");
        return app;
    }

    public static Ok<PortalInfoResponse> GetInfo(IOptions<PaymentsOptions> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        return TypedResults.Ok(new PortalInfoResponse(payments.Value.Simulated, Currency));
    }
}
