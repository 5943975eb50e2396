namespace WifiBilling.Portal.Tests.Hotspot.Support;

/// <summary>A fresh Portal and an admin HTTP client per test (xunit makes a new instance for each).</summary>
public abstract class HotspotApiTests : IAsyncLifetime
{
    protected HotspotPortalFactory Portal { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    /// <summary>Settings on top of the factory's.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual Task InitializeAsync()
    {
        Portal = new HotspotPortalFactory(Settings);
        Admin = Portal.CreateAdminClient();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Admin.Dispose();
        await Portal.DisposeAsync();
    }
}
