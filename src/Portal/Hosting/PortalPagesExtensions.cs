using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// The pages: the buy page at <c>/</c>, the admin console at <c>/admin/</c> (wwwroot), <c>/md5.js</c> for the router's
/// pages and the buy page's CHAP login, and compression so the buy page stays small on a slow captive-portal link.
/// </summary>
public static class PortalPagesExtensions
{
    /// <summary>mikrotik/hotspot/md5.js, embedded by the csproj: one source for the router and the portal.</summary>
    public const string Md5ScriptResource = "WifiBilling.Portal.Hosting.md5.js";

    private const string JavaScript = "text/javascript; charset=utf-8";
    private const string AdminPage = "admin/index.html";

    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // Only the static pages and scripts: they hold no secret, so compressing them over HTTPS gives BREACH
            // nothing to guess. API answers (voucher codes, router scripts with secrets) stay uncompressed.
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    public static WebApplication MapPortalPages(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => SetCaching(context.Context.Response, context.File.Name) });

        // /admin and /admin/ both answer with the console itself (its assets use absolute paths): no redirect round trip.
        var adminPage = app.Environment.WebRootFileProvider.GetFileInfo(AdminPage);
        app.MapGet("/admin", (HttpContext context) =>
            {
                SetCaching(context.Response, AdminPage);
                return adminPage.Exists
                    ? Results.Stream(adminPage.CreateReadStream(), "text/html; charset=utf-8")
                    : Results.NotFound();
            })
            .ExcludeFromDescription();
        var md5 = LoadEmbedded(Md5ScriptResource);
        app.MapGet("/md5.js", (HttpContext context) =>
            {
                SetCaching(context.Response, "md5.js");
                return TypedResults.Bytes(md5.Content, JavaScript, entityTag: md5.EntityTag);
            })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Pages are revalidated on every visit (a fixed page must reach phones at once); scripts, styles and the
    /// charting library are kept for an hour, which saves round trips on a slow link.
    /// </summary>
    private static void SetCaching(HttpResponse response, string fileName) =>
        response.Headers.CacheControl = fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            ? "no-cache"
            : "public, max-age=3600";

    private static (byte[] Content, EntityTagHeaderValue EntityTag) LoadEmbedded(string resourceName)
    {
        using var stream = typeof(PortalPagesExtensions).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return (content, new EntityTagHeaderValue("\"" + hash[..16] + "\""));
    }
}
