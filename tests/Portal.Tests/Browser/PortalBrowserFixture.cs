using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WifiBilling.Portal.Tests.Api;
using WifiBilling.Portal.Tests.Deploy.Hotspot;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>
/// The Portal on real Kestrel (127.0.0.1, a free port, temp data) and one headless Debian Chromium driven by
/// Playwright (<see cref="ChromiumFixture"/>: /usr/bin/chromium or CHROMIUM_PATH, never a downloaded browser), shared
/// by a test class. When Chromium cannot start, the tests skip and say why.
/// </summary>
public sealed partial class PortalBrowserFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ChromiumFixture _chromium = new();
    private HashSet<(string Method, string Path)>? _operations;

    public PortalApiFactory Portal { get; } = new(settings: new Dictionary<string, string?>
    {
        ["urls"] = "http://127.0.0.1:0",
        // What an operator sets so that the generated router scripts know where RADIUS and the portal are.
        ["Radius:PublicAddress"] = "203.0.113.10",
        ["Portal:PublicHost"] = "wifi.example.co.ke",
    });

    /// <summary>"http://127.0.0.1:port" (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser? Browser => _chromium.Browser;

    public string Unavailable => _chromium.Unavailable;

    public PortalTestData Data => Portal.Data;

    public async Task InitializeAsync()
    {
        Portal.UseKestrel(0);
        Portal.StartServer();
        var addresses = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/');

        await _chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await Portal.DisposeAsync();
    }

    /// <summary>A fresh browser context (no cookies or storage from another test) with one page of the given width.</summary>
    public async Task<IPage> NewPageAsync(int width = 360, int height = 740)
    {
        Skip.If(Browser is null, Unavailable);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        return page;
    }

    /// <summary>
    /// Skips a test whose API is built on another branch until it is merged (read from /openapi/v1.json, so the test
    /// starts running by itself once the route exists). Path parameters match whatever they are named: {} in
    /// <paramref name="path"/> stands for any {name}.
    /// </summary>
    public async Task RequireRouteAsync(string method, string path, string branch)
    {
        if (_operations is null)
        {
            using var client = Portal.CreateClient();
            using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
            _operations = document.RootElement.GetProperty("paths").EnumerateObject()
                .SelectMany(p => p.Value.EnumerateObject().Select(o => (o.Name.ToUpperInvariant(), AnyParameter().Replace(p.Name, "{}"))))
                .ToHashSet();
        }

        Skip.IfNot(_operations.Contains((method, path)), $"{method} {path} is not in this build yet (it comes with {branch})");
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex AnyParameter();

    /// <summary>Signs in to /admin with the key, as an operator would; returns when the console is shown.</summary>
    public async Task SignInToAdminAsync(IPage page)
    {
        await page.GotoAsync(BaseUrl + "/admin");
        await page.FillAsync("#key", PortalApiFactory.AdminKey);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync("#nav", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
    }
}
