using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Routers;

namespace WifiBilling.Portal.Contracts.Routers;

/// <summary>
/// Body of <c>POST /api/admin/routers</c> and <c>PUT /api/admin/routers/{id}</c>. The secret is write-only: required
/// on create, optional on replace (absent keeps the current one).
/// </summary>
public sealed record RouterRequest(
    string? Name,
    string? NasIdentifier,
    string? Address,
    string? Secret,
    int? CoaPort,
    bool? RequireMessageAuthenticator,
    string? Site,
    bool? Enabled)
{
    public RouterDefinition ToDefinition() =>
        new(
            Name ?? string.Empty,
            string.IsNullOrWhiteSpace(NasIdentifier) ? null : NasIdentifier,
            string.IsNullOrWhiteSpace(Address) ? null : Address,
            CoaPort ?? RouterDefinition.DefaultCoaPort,
            RequireMessageAuthenticator ?? true,
            Site,
            Enabled ?? true);

    /// <summary>The secret, checked here so that a problem names <c>secret</c> as the body does.</summary>
    public string? ValidatedSecret(bool required)
    {
        if (Secret is null && !required)
        {
            return null;
        }

        if (string.IsNullOrEmpty(Secret) || Secret.Length > RouterDefinition.MaxSecretLength || Secret.Any(char.IsControl))
        {
            throw new BillingValidationException("secret", $"must be the router's RADIUS shared secret, 1 to {RouterDefinition.MaxSecretLength} printable characters");
        }

        return Secret;
    }
}
