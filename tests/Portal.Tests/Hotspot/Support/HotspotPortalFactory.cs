using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Tests.Hotspot.Support;
using WifiBilling.Radius.Server;

namespace WifiBilling.Portal.Tests.Hotspot.Support;

/// <summary>
/// The Portal process for hotspot tests: real Kestrel on 127.0.0.1 (port 0), the real RADIUS server on loopback, a
/// SQLite file in a temporary folder and a <see cref="FakeTimeProvider"/> as the clock of everything. A second factory
/// on the same folder, clock and RADIUS ports is the same Portal restarted.
/// </summary>
public sealed class HotspotPortalFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "hotspot-tests-admin-key-0123456789";

    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsFolder;

    public HotspotPortalFactory(
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? clock = null,
        string? folder = null,
        (int Auth, int Acct)? radiusPorts = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "wifibilling-hotspot-portal", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Clock = clock ?? new FakeTimeProvider(Start);
        _settings = HotspotTestSettings.Loopback(Path.Combine(Folder, "portal.db"), settings);
        _settings["urls"] = "http://127.0.0.1:0";
        _settings["Portal:DataDirectory"] = Folder;
        _settings["ADMIN_API_KEY"] = AdminKey;
        if (radiusPorts is { } ports)
        {
            _settings["Radius:AuthPort"] = ports.Auth.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _settings["Radius:AcctPort"] = ports.Acct.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        UseKestrel(0);
    }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; }

    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public IPEndPoint AuthEndPoint => new(IPAddress.Loopback, Services.GetRequiredService<RadiusServer>().AuthenticationEndPoint.Port);

    public IPEndPoint AcctEndPoint => new(IPAddress.Loopback, Services.GetRequiredService<RadiusServer>().AccountingEndPoint.Port);

    /// <summary>An HTTP client over Kestrel with the admin key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>
    /// The same Portal, to start after this one is disposed: same store, key ring, clock and RADIUS ports (the routers
    /// keep their configuration across a restart). Call it while this one is running.
    /// </summary>
    public HotspotPortalFactory Restarted() => new(_settings, Clock, Folder, (AuthEndPoint.Port, AcctEndPoint.Port));

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A restarted copy may still hold the folder; the temp folder is cleaned by the OS.
            }
        }
    }
}
