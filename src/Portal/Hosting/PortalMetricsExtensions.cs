using Prometheus;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// What /metrics shows beyond the runtime and ASP.NET Core meters: the RADIUS, payment and hotspot meters under
/// Prometheus names (<see cref="MeterExporter"/>) and store-backed gauges of payments by status and open sessions
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
        builder.Services.AddSingleton<MeterExporter>();

        // Read when /metrics is first collected: the generic adapter keeps every other meter (runtime, ASP.NET Core),
        // not our own, which MeterExporter publishes as real counters from the start.
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate =
            instrument => !MeterExporter.Exports(instrument.Meter));
        return builder;
    }

    public static WebApplication UsePortalMetrics(this WebApplication app)
    {
        var meters = app.Services.GetRequiredService<MeterExporter>(); // listening from the start, before the first packet
        var gauges = app.Services.GetRequiredService<BillingStoreGauges>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/metrics"),
            branch => branch.Use(async (context, next) =>
            {
                await gauges.RefreshIfStaleAsync(context.RequestAborted);
                meters.RecordGauges();
                await next(context);
            }));
        return app;
    }
}
