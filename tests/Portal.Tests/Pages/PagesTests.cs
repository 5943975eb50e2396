using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using WifiBilling.Portal.Tests.Api;
using WifiBilling.Portal.Tests.Deploy;

namespace WifiBilling.Portal.Tests.Pages;

/// <summary>The pages as files over HTTP: where they are, what they load, how big they are on the wire.</summary>
public sealed partial class PagesTests : IDisposable
{
    /// <summary>The brief's budget for the buy page and everything it loads, compressed.</summary>
    private const int BuyPageBudgetBytes = 50 * 1024;

    private readonly PortalApiFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Md5_js_is_served_byte_for_byte_from_the_router_pages_copy()
    {
        using var client = _portal.CreateClient();

        using var response = await client.GetAsync(new Uri("/md5.js", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.ETag.Should().NotBeNull();
        var served = await response.Content.ReadAsByteArrayAsync();
        served.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.HotspotPages, "md5.js")));
    }

    [Fact]
    public async Task Md5_js_probe_of_login_html_is_answered_too()
    {
        using var client = _portal.CreateClient();

        // login.html adds ?probe=<time> so no cache answers in the portal's place.
        using var response = await client.GetAsync(new Uri("/md5.js?probe=1732600000000", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("hexMD5 = function");
    }

    [Theory]
    [InlineData("/", "Wi-Fi: buy internet time")]
    [InlineData("/?identity=cafe-1&mac=AA%3ABB%3ACC%3ADD%3AEE%3AFF", "Wi-Fi: buy internet time")]
    [InlineData("/admin", "WifiBilling admin")]
    [InlineData("/admin/", "WifiBilling admin")]
    [InlineData("/admin/print.html?batch=bat_x", "Voucher cards")]
    public async Task Pages_are_served_as_html_and_revalidated_on_every_visit(string path, string title)
    {
        using var client = _portal.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.CacheControl!.NoCache.Should().BeTrue("a fixed page must reach phones at once");
        (await response.Content.ReadAsStringAsync()).Should().Contain($"<title>{title}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/")]
    [InlineData("/admin/print.html")]
    public async Task Pages_load_nothing_from_other_hosts(string path)
    {
        // The walled garden lets a customer reach only the portal before they pay: no CDN, font or analytics host.
        using var client = _portal.CreateClient();
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        var references = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        references.Should().NotBeEmpty();
        references.Should().OnlyContain(url => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal), "every asset comes from the portal itself");
        foreach (var url in references)
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, url);
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Buy_page_and_its_assets_are_at_most_50_KB_compressed(string encoding)
    {
        using var client = _portal.CreateClient(); // TestServer's client does not decompress: sizes are the wire sizes
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var urls = new[] { "/" }.Concat(AssetReference().Matches(html).Select(m => m.Groups["url"].Value)).ToList();
        urls.Should().Contain(["/buy.js", "/buy.css", "/md5.js"]);

        long total = 0;
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            response.Content.Headers.ContentEncoding.Should().Equal([encoding], "{0} is compressed", url);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        total.Should().BeLessThanOrEqualTo(BuyPageBudgetBytes, "the buy page must load quickly on a slow captive-portal link");
    }

    [Fact]
    public async Task Api_answers_are_not_compressed()
    {
        // Voucher codes and router secrets travel in API answers; compressing them over HTTPS would give BREACH a lever.
        using var client = _portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/plans");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
    }

    [GeneratedRegex("""<(?:script|link)\b[^>]*\b(?:src|href)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex AssetReference();
}
