using Prometheus;
using Scalar.AspNetCore;

namespace WifiBilling.Portal.Hosting;

/// <summary>Web host plumbing shared by every endpoint: listen address, problem details, OpenAPI, metrics, health.</summary>
public static class PortalHostingExtensions
{
    /// <summary>Default listen address when neither ASPNETCORE_URLS nor --urls is given.</summary>
    public const string DefaultUrls = "http://0.0.0.0:8080";

    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();

        // .NET Meters (WifiBilling.Radius, WifiBilling.Billing, ...) are exported at /metrics; the runtime's
        // EventCounters are left out to keep the page small.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true });
        return builder;
    }

    public static WebApplication MapPortalHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health");
        app.MapMetrics("/metrics");
        return app;
    }
}
