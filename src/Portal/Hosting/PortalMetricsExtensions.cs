using Prometheus;
using WifiBilling.Radius.Diagnostics;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// What /metrics shows beyond the runtime and ASP.NET Core meters: the RADIUS meter under Prometheus names
/// (<see cref="RadiusMetricsExporter"/>) and store-backed gauges of payments by status and open sessions
/// (<see cref="BillingStoreGauges"/>), recounted just before a scrape.
/// </summary>
public static class PortalMetricsExtensions
{
    public static WebApplicationBuilder AddPortalMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalMetricsOptions>()
            .BindConfiguration(PortalMetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<BillingStoreGauges>();
        builder.Services.AddSingleton<RadiusMetricsExporter>();

        // Read when /metrics is first collected: the generic adapter keeps every other meter, not the one exported above.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate =
            instrument => instrument.Meter.Name != RadiusMetrics.MeterName);
        return builder;
    }

    public static WebApplication UsePortalMetrics(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<RadiusMetricsExporter>(); // listening from the start, before the first packet
        var gauges = app.Services.GetRequiredService<BillingStoreGauges>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/metrics"),
            branch => branch.Use(async (context, next) =>
            {
                await gauges.RefreshIfStaleAsync(context.RequestAborted);
                await next(context);
            }));
        return app;
    }
}
