using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WifiBilling.Portal.Tests.Deploy.Hotspot;

/// <summary>
/// The router's side of the hotspot pages: serves mikrotik/hotspot/* from a loopback site as the router's servlet
/// would (login.html rendered with the hotspot variables, the rest as files, wifibilling.js pointing at the given
/// portal) and records what the login form posts to /login.
/// </summary>
internal sealed partial class FakeHotspotRouter : IAsyncDisposable
{
    public const string Mac = "AA:BB:CC:DD:EE:01";
    public const string ClientIp = "10.5.50.23";
    public const string Identity = "Cafe Upstairs";
    public const string ServerName = "wifibilling";
    public const string OriginalUrl = "http://example.com/news?a=1&b=two words";

    private readonly TaskCompletionSource<IFormCollection> _loginPosted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackSite? _site;

    private FakeHotspotRouter(byte[]? chapId, byte[]? chapChallenge, string error)
    {
        ChapId = chapId;
        ChapChallenge = chapChallenge;
        Error = error;
    }

    public byte[]? ChapId { get; }

    public byte[]? ChapChallenge { get; }

    public string Error { get; }

    public string LoginUrl => _site!.BaseUrl + "/login";

    /// <summary>The form the page posted to the router's /login.</summary>
    public Task<IFormCollection> LoginPosted => _loginPosted.Task;

    /// <param name="portalUrl">What wifibilling.js's portalUrl is set to.</param>
    /// <param name="chap">Offer CHAP (chap-id and chap-challenge set) or only PAP.</param>
    /// <param name="error">The $(error) the page is rendered with.</param>
    public static async Task<FakeHotspotRouter> StartAsync(string portalUrl, bool chap, string error = "")
    {
        var router = chap
            ? new FakeHotspotRouter([0xF9], [0xEF, 0x0D, 0xD8, 0x0B, 0x11, 0x9C, 0x65, 0xA5, 0xC3, 0xAB, 0x62, 0xA6, 0x5B, 0x7D, 0xFD, 0x22], error)
            : new FakeHotspotRouter(null, null, error);
        router._site = await LoopbackSite.StartAsync(app => router.Map(app, portalUrl));
        return router;
    }

    public ValueTask DisposeAsync() => _site?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Map(WebApplication app, string portalUrl)
    {
        var pages = RepositoryPaths.HotspotPages;
        app.MapGet("/login", (HttpContext context) =>
            Results.Content(HotspotPageRenderer.Render(File.ReadAllText(Path.Combine(pages, "login.html")), Variables(context)), "text/html"));
        app.MapPost("/login", async (HttpContext context) =>
        {
            _loginPosted.TrySetResult(await context.Request.ReadFormAsync());
            return Results.Content("<html><body>logged in</body></html>", "text/html");
        });
        app.MapGet("/wifibilling.js", () =>
        {
            var script = File.ReadAllText(Path.Combine(pages, "wifibilling.js"));
            var configured = PortalUrlLine().Replace(script, $"var portalUrl = '{portalUrl}';", 1);
            return configured != script
                ? Results.Content(configured, "application/javascript")
                : throw new InvalidOperationException("wifibilling.js has no \"var portalUrl = '...';\" line");
        });
        app.MapGet("/{file}", (string file) =>
        {
            var path = Path.Combine(pages, Path.GetFileName(file));
            var type = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "application/javascript";
            return File.Exists(path) ? Results.File(path, type) : Results.NotFound(); // e.g. /favicon.ico
        });
    }

    private Dictionary<string, string> Variables(HttpContext context)
    {
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}";
        return new Dictionary<string, string>
        {
            ["mac"] = Mac,
            ["ip"] = ClientIp,
            ["identity"] = Identity,
            ["server-name"] = ServerName,
            ["link-login-only"] = baseUrl + "/login",
            ["link-orig"] = OriginalUrl,
            ["error"] = Error,
            // The servlet renders chap values as JavaScript octal escapes, one per byte (HS-CUSTOM: "\371").
            ["chap-id"] = Octal(ChapId),
            ["chap-challenge"] = Octal(ChapChallenge),
        };
    }

    private static string Octal(byte[]? bytes) =>
        bytes is null ? "" : string.Concat(bytes.Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));

    [GeneratedRegex(@"var portalUrl = '[^']*';")]
    private static partial Regex PortalUrlLine();
}
