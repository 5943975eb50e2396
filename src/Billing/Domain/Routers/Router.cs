namespace WifiBilling.Billing.Domain.Routers;

/// <summary>
/// A MikroTik router allowed to use our RADIUS server. This read model never carries the shared secret, only
/// <see cref="HasSecret"/>; the RADIUS layer gets clear secrets from <see cref="IRouterStore.GetRegistrySnapshotAsync"/>.
/// </summary>
public sealed class Router
{
    private Router(string id, DateTimeOffset createdAt)
    {
        Id = id;
        CreatedAt = createdAt;
        Name = string.Empty;
    }

    public string Id { get; }

    public string Name { get; private set; }

    public string? NasIdentifier { get; private set; }

    public RouterAddress? Address { get; private set; }

    public bool HasSecret { get; private set; }

    public int CoaPort { get; private set; }

    public bool RequireMessageAuthenticator { get; private set; }

    public string? Site { get; private set; }

    public bool Enabled { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    internal long Version { get; private set; }

    public static Router Create(string id, RouterDefinition definition, DateTimeOffset now)
    {
        var router = new Router(id, now) { HasSecret = true, Version = 1 };
        router.Apply(definition, now);
        return router;
    }

    public void Redefine(RouterDefinition definition, DateTimeOffset now)
    {
        Apply(definition, now);
        Version++;
    }

    public RouterDefinition ToDefinition() =>
        new(Name, NasIdentifier, Address?.Value, CoaPort, RequireMessageAuthenticator, Site, Enabled);

    internal static Router Rehydrate(
        string id,
        RouterDefinition definition,
        bool hasSecret,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        long version) =>
        new(id, createdAt)
        {
            Name = definition.Name,
            NasIdentifier = definition.NasIdentifier,
            Address = RouterAddress.TryParse(definition.Address, out var address) ? address : null,
            CoaPort = definition.CoaPort,
            RequireMessageAuthenticator = definition.RequireMessageAuthenticator,
            Site = definition.Site,
            Enabled = definition.Enabled,
            HasSecret = hasSecret,
            UpdatedAt = updatedAt,
            Version = version,
        };

    private void Apply(RouterDefinition definition, DateTimeOffset now)
    {
        Address = definition.Validate();
        Name = definition.Name.Trim();
        NasIdentifier = string.IsNullOrWhiteSpace(definition.NasIdentifier) ? null : definition.NasIdentifier.Trim();
        CoaPort = definition.CoaPort;
        RequireMessageAuthenticator = definition.RequireMessageAuthenticator;
        Site = string.IsNullOrWhiteSpace(definition.Site) ? null : definition.Site.Trim();
        Enabled = definition.Enabled;
        UpdatedAt = now;
    }
}
