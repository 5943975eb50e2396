namespace WifiBilling.Billing.Domain.Routers;

/// <summary>
/// Every enabled router with its clear secret, as of <see cref="Version"/>. The RADIUS registry keeps the snapshot
/// and reloads only when <see cref="IRouterStore.GetChangeVersionAsync"/> returns a different number.
/// </summary>
public sealed record RouterRegistrySnapshot(long Version, IReadOnlyList<RouterCredentials> Routers);
