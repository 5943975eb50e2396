using Microsoft.Extensions.Diagnostics.HealthChecks;
using WifiBilling.Radius.Server;

namespace WifiBilling.Portal.Hosting;

/// <summary>Healthy once the RADIUS server has bound its authentication and accounting sockets.</summary>
public sealed class RadiusListeningHealthCheck(RadiusServer server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(HealthCheckResult.Healthy(
                $"authentication on {server.AuthenticationEndPoint}, accounting on {server.AccountingEndPoint}"));
        }
        catch (InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The RADIUS server is not listening."));
        }
    }
}
