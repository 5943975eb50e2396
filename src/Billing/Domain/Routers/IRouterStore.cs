namespace WifiBilling.Billing.Domain.Routers;

/// <summary>
/// Routers (RADIUS clients). The shared secret goes in on create/update and is stored encrypted; reads return
/// only <see cref="Router.HasSecret"/>. A NAS-Identifier and an address each belong to at most one router.
/// </summary>
public interface IRouterStore
{
    Task<Router> CreateAsync(RouterDefinition definition, string sharedSecret, CancellationToken cancellationToken);

    Task<Router?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Router>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the settings; a null <paramref name="newSharedSecret"/> keeps the current secret.</summary>
    Task<Router?> UpdateAsync(
        string id,
        RouterDefinition definition,
        string? newSharedSecret,
        CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>A number that changes whenever any router is created, changed or deleted (cheap to poll).</summary>
    Task<long> GetChangeVersionAsync(CancellationToken cancellationToken);

    /// <summary>Enabled routers with clear secrets, for the RADIUS client registry.</summary>
    Task<RouterRegistrySnapshot> GetRegistrySnapshotAsync(CancellationToken cancellationToken);
}
