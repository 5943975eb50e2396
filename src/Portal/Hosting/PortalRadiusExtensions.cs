using WifiBilling.Radius;

namespace WifiBilling.Portal.Hosting;

/// <summary>Hosts the RADIUS server (UDP 1812/1813 by default, section "Radius") and the CoA client in this process.</summary>
public static class PortalRadiusExtensions
{
    public static WebApplicationBuilder AddPortalRadius(this WebApplicationBuilder builder)
    {
        builder.Services.AddRadiusServer(builder.Configuration);
        builder.Services.AddRadiusCoaClient(builder.Configuration);
        return builder;
    }
}
