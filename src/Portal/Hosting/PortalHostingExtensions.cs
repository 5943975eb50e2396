using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Prometheus;
using Scalar.AspNetCore;

namespace WifiBilling.Portal.Hosting;

/// <summary>Web host plumbing shared by every endpoint: listen address, JSON, problem details, OpenAPI, metrics, health.</summary>
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

        // camelCase properties (web defaults) and enums as lower-case words: "timed-out", "validity".
        builder.Services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));

        // Unreadable bodies raise BadHttpRequestException, which the handler turns into a problem naming the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<RadiusListeningHealthCheck>("radius");

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
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapMetrics("/metrics");
        return app;
    }

    /// <summary>{"status":"Healthy","checks":{"billing-store":"Healthy","radius":"Healthy"}} — enough for an operator.</summary>
    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        };
        return context.Response.WriteAsJsonAsync(body);
    }
}
