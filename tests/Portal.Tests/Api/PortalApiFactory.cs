using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>
/// The whole Portal in memory for the plans/reports/dashboard/pages tests: a fresh SQLite file and data folder in a
/// temp directory, a known admin key, RADIUS on port 0 (several test projects share the machine), and optionally a
/// fake clock so "today" is the same day for the whole test.
/// </summary>
public sealed class PortalApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "portal-tests-admin-key-0123456789";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("wifibilling-portal-api-");

    public PortalApiFactory(FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Time = time;
        Settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>The app's clock when set; otherwise the system clock.</summary>
    public FakeTimeProvider? Time { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string DataDirectory => _data.FullName;

    public PortalTestData Data => new(Services);

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_data.FullName, "wifibilling.db"));
        builder.UseSetting("Portal:DataDirectory", _data.FullName);
        builder.UseSetting("ADMIN_API_KEY", AdminKey);
        builder.UseSetting("MONGO_URI", "");
        builder.UseSetting("Radius:AuthPort", "0");
        builder.UseSetting("Radius:AcctPort", "0");
        builder.UseSetting("Radius:BindAddress", "127.0.0.1");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Time is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                _data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment on a loaded machine; the temp folder is cleaned by the OS.
            }
        }
    }
}
