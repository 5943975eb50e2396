using Microsoft.Extensions.DependencyInjection.Extensions;
using WifiBilling.Billing;
using WifiBilling.Portal.Endpoints;
using WifiBilling.Portal.Routers;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Hotspot AAA in this process: the RADIUS handlers, router registry and session jobs (section <c>Hotspot</c>), the
/// router script settings (<c>Radius:PublicAddress</c>, <c>Radius:PublicAuthPort</c>, <c>Radius:PublicAcctPort</c>,
/// <c>Radius:SecondaryPublicAddress</c>, <c>Portal:PublicHost</c>) and the router, voucher and session endpoints.
/// </summary>
public static class PortalHotspotExtensions
{
    public const string RadiusPublicAddressKey = "Radius:PublicAddress";

    public const string PortalPublicHostKey = "Portal:PublicHost";

    public static WebApplicationBuilder AddPortalHotspot(this WebApplicationBuilder builder)
    {
        builder.Services.AddHotspot(builder.Configuration);
        builder.Services.TryAddSingleton<MikrotikScriptGenerator>();
        builder.Services.AddOptions<RouterScriptOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.RadiusPublicAddress = configuration[RadiusPublicAddressKey];
            options.RadiusSecondaryPublicAddress = configuration["Radius:SecondaryPublicAddress"];
            options.RadiusPublicAuthPort = configuration.GetValue("Radius:PublicAuthPort", options.RadiusPublicAuthPort);
            options.RadiusPublicAcctPort = configuration.GetValue("Radius:PublicAcctPort", options.RadiusPublicAcctPort);
            options.PortalPublicHost = configuration[PortalPublicHostKey];
        });
        return builder;
    }

    public static WebApplication MapHotspotEndpoints(this WebApplication app)
    {
        app.MapRouterEndpoints();
        app.MapVoucherEndpoints();
        app.MapSessionEndpoints();
        return app;
    }
}
