namespace WifiBilling.Portal.Admin;

/// <summary>
/// Endpoint metadata of every route in the admin group. The key check keyed on it runs as middleware, before the
/// endpoint binds its parameters: an endpoint filter runs only after binding, so a caller without the key would
/// otherwise get 400 for a malformed body or query instead of 401.
/// </summary>
public sealed class AdminApiKeyRequired
{
    public static readonly AdminApiKeyRequired Instance = new();

    private AdminApiKeyRequired()
    {
    }
}
