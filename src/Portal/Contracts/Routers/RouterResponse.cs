using WifiBilling.Billing.Domain.Routers;

namespace WifiBilling.Portal.Contracts.Routers;

/// <summary>A router as the API shows it: never its secret, only whether it has one.</summary>
public sealed record RouterResponse(
    string Id,
    string Name,
    string? NasIdentifier,
    string? Address,
    int CoaPort,
    bool RequireMessageAuthenticator,
    string? Site,
    bool Enabled,
    bool HasSecret,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static RouterResponse From(Router router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return new(
            router.Id,
            router.Name,
            router.NasIdentifier,
            router.Address?.Value,
            router.CoaPort,
            router.RequireMessageAuthenticator,
            router.Site,
            router.Enabled,
            router.HasSecret,
            router.CreatedAt,
            router.UpdatedAt);
    }
}
