using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// The simulator on its own Kestrel server: what <c>daraja --port N</c> runs, and what tests start on
/// 127.0.0.1:0 to talk real HTTP to it.
/// </summary>
public sealed class DarajaSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DarajaSimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Base URL of the Daraja API, path prefix included (ends with '/'); the control API is under <c>simulator/</c>.</summary>
    public Uri BaseAddress { get; }

    public DarajaSimulatorState State => _app.Services.GetRequiredService<DarajaSimulatorState>();

    public IServiceProvider Services => _app.Services;

    /// <summary>Scheduled callbacks not yet posted.</summary>
    public int PendingCallbacks => _app.Services.GetRequiredService<StkCallbackSender>().PendingCallbacks;

    public static async Task<DarajaSimulatorHost> StartAsync(
        IPAddress address,
        int port,
        Action<DarajaSimulatorOptions>? configure = null,
        TimeProvider? timeProvider = null,
        Action<ILoggingBuilder>? configureLogging = null,
        string pathPrefix = "",
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddDarajaSimulator(configure);
        var app = builder.Build();
        app.MapDarajaSimulator(pathPrefix);
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var prefix = pathPrefix.Trim('/');
        var baseAddress = new Uri(bound.TrimEnd('/') + "/" + (prefix.Length > 0 ? prefix + "/" : string.Empty));
        return new DarajaSimulatorHost(app, baseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
