using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius.Tests.Support;

/// <summary>The real server in a generic host on loopback, ports 0, with the throwaway handlers and an in-memory registry.</summary>
public sealed class RadiusServerHost : IAsyncDisposable
{
    public const string Secret = "hotspot-secret";

    private readonly IHost _host;

    private RadiusServerHost(IHost host, TestAccessHandler access, TestAccountingHandler accounting, InMemoryRadiusClientRegistry registry, ListLoggerProvider logs)
    {
        _host = host;
        Access = access;
        Accounting = accounting;
        Registry = registry;
        Logs = logs;
        Server = host.Services.GetRequiredService<RadiusServer>();
    }

    public TestAccessHandler Access { get; }

    public TestAccountingHandler Accounting { get; }

    public InMemoryRadiusClientRegistry Registry { get; }

    public ListLoggerProvider Logs { get; }

    public RadiusServer Server { get; }

    public IServiceProvider Services => _host.Services;

    public IPEndPoint AuthEndPoint => new(IPAddress.Loopback, Server.AuthenticationEndPoint.Port);

    public IPEndPoint AcctEndPoint => new(IPAddress.Loopback, Server.AccountingEndPoint.Port);

    /// <summary>Starts a server. By default 127.0.0.1 and ::1 are clients with <see cref="Secret"/>.</summary>
    public static async Task<RadiusServerHost> StartAsync(
        Action<InMemoryRadiusClientRegistry>? registerClients = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Radius:AuthPort"] = "0",
            ["Radius:AcctPort"] = "0",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var registry = new InMemoryRadiusClientRegistry();
        if (registerClients is null)
        {
            registry.Add(IPAddress.Loopback, new RadiusClient("loopback", Secret) { Id = "router-1" });
            registry.Add(IPAddress.IPv6Loopback, new RadiusClient("loopback6", Secret) { Id = "router-1" });
        }
        else
        {
            registerClients(registry);
        }

        var access = new TestAccessHandler();
        var accounting = new TestAccountingHandler();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddSingleton<IRadiusClientRegistry>(registry);
        builder.Services.AddSingleton<IAccessRequestHandler>(access);
        builder.Services.AddSingleton<IAccountingRequestHandler>(accounting);
        builder.Services.AddRadiusServer(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new RadiusServerHost(host, access, accounting, registry, logs);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
