using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WifiBilling.Simulators.Daraja.Control;

namespace WifiBilling.Simulators.Daraja;

public static class DarajaSimulatorEndpointRouteBuilderExtensions
{
    private static readonly string[] s_notPost = ["GET", "PUT", "DELETE", "PATCH"];
    private static readonly string[] s_notGet = ["POST", "PUT", "DELETE", "PATCH"];

    /// <summary>
    /// Serves the simulated Daraja API under <paramref name="prefix"/> (point the Daraja client's BaseUrlOverride at
    /// it) and the control API under <c>{prefix}/simulator</c>. Logs a Warning: payments through it are not real.
    /// </summary>
    public static RouteGroupBuilder MapDarajaSimulator(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<DarajaSimulatorState>() is null)
        {
            throw new InvalidOperationException("Call services.AddDarajaSimulator() before MapDarajaSimulator().");
        }

        var normalized = "/" + (prefix ?? string.Empty).Trim('/');
        var group = endpoints.MapGroup(normalized);
        group.ExcludeFromDescription();

        Func<HttpContext, Task<IResult>> generateToken = StkApiEndpoints.GenerateTokenAsync;
        group.MapGet("/oauth/v1/generate", generateToken);
        MapPost(group, "/mpesa/stkpush/v1/processrequest", StkApiEndpoints.StkPushAsync);
        MapPost(group, "/mpesa/stkpushquery/v1/query", StkApiEndpoints.StkQueryAsync);
        MapPost(group, "/mpesa/c2b/v1/registerurl", context => C2BApiEndpoints.RegisterUrlAsync(context, 1));
        MapPost(group, "/mpesa/c2b/v2/registerurl", context => C2BApiEndpoints.RegisterUrlAsync(context, 2));
        MapPost(group, "/mpesa/c2b/v1/simulate", C2BApiEndpoints.SimulateAsync);
        MapPost(group, "/mpesa/c2b/v2/simulate", C2BApiEndpoints.SimulateAsync);
        group.MapMethods("/oauth/v1/generate", s_notGet, () => MethodNotAllowed("POST"));

        DarajaControlEndpoints.Map(group.MapGroup("/simulator"));

        var options = DarajaSimulatorServiceCollectionExtensions.Resolve(endpoints.ServiceProvider);
        endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>()
            .CreateLogger("WifiBilling.Simulators.Daraja")
            .LogWarning(
                "PAYMENTS ARE SIMULATED: the built-in Daraja simulator answers at {Prefix} (shortcode {ShortCode}); no real M-Pesa money moves",
                normalized, options.EffectiveMerchants[0].ShortCode);
        return group;
    }

    private static void MapPost(RouteGroupBuilder group, string pattern, Func<HttpContext, Task<IResult>> handler)
    {
        group.MapPost(pattern, handler);
        group.MapMethods(pattern, s_notPost, (HttpContext context) => MethodNotAllowed(context.Request.Method));
    }

    /// <summary>405.001 "Method Not Allowed": every Daraja API except OAuth is POST ([OFF-C2B] error table).</summary>
    private static IResult MethodNotAllowed(string method) =>
        DarajaWireResults.Error(StatusCodes.Status405MethodNotAllowed, "405.001", $"Method Not Allowed ({method} Method Not Allowed)");
}
