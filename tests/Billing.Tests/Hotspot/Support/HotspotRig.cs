using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Radius;
using WifiBilling.Radius.Server;
using WifiBilling.Radius.Tests.Support;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot.Support;

/// <summary>
/// The hotspot AAA as the Portal hosts it, without the web: the real RADIUS server on loopback (ports 0), the real
/// SQLite store in a temporary folder, the CoA client, and <c>AddHotspot</c>, all on one <see cref="FakeTimeProvider"/>.
/// Simulated MikroTik routers (<see cref="StartRouterAsync"/>) run on the same clock and are registered as routers.
/// </summary>
public sealed class HotspotRig : IAsyncDisposable
{
    public const string Secret = "router-secret-1";

    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly List<HotspotSimulator> _routers = [];
    private readonly bool _ownsFolder;
    private IHost _host;

    private HotspotRig(IHost host, string folder, FakeTimeProvider clock, ListLoggerProvider logs, IReadOnlyDictionary<string, string?> settings, bool ownsFolder)
    {
        _host = host;
        Folder = folder;
        Clock = clock;
        Logs = logs;
        Settings = settings;
        _ownsFolder = ownsFolder;
    }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; }

    public ListLoggerProvider Logs { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _host.Services;

    public IPlanStore Plans => Get<IPlanStore>();

    public IRouterStore Routers => Get<IRouterStore>();

    public IVoucherStore Vouchers => Get<IVoucherStore>();

    public ISessionStore Sessions => Get<ISessionStore>();

    public RouterRegistry Registry => Get<RouterRegistry>();

    public VoucherExpiryScheduler Scheduler => Get<VoucherExpiryScheduler>();

    public VoucherControlService Control => Get<VoucherControlService>();

    public SessionCommandQueue Commands => Get<SessionCommandQueue>();

    public SessionCommandWorker Worker => Get<SessionCommandWorker>();

    public BruteForceThrottle Throttle => Get<BruteForceThrottle>();

    public RadiusServer Server => Get<RadiusServer>();

    public IPEndPoint AuthEndPoint => new(IPAddress.Loopback, Server.AuthenticationEndPoint.Port);

    public IPEndPoint AcctEndPoint => new(IPAddress.Loopback, Server.AccountingEndPoint.Port);

    /// <summary>Starts everything on a fresh store (or on <paramref name="folder"/>'s, to test a restart).</summary>
    public static async Task<HotspotRig> StartAsync(
        IDictionary<string, string?>? settings = null,
        FakeTimeProvider? clock = null,
        string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= Storage.SqliteBackend.NewFolder();
        clock ??= new FakeTimeProvider(Start);
        var all = HotspotTestSettings.Loopback(
            Path.Combine(folder, "billing.db"),
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Plans:Seed:Enabled"] = "false" });

        var logs = new ListLoggerProvider();
        var host = await StartHostAsync(all, clock, logs);
        return new HotspotRig(host, folder, clock, logs, all, ownsFolder);
    }

    /// <summary>
    /// Stops the process and starts a new one on the same store, clock and RADIUS ports (the routers keep running and
    /// keep their configuration, as across a real restart).
    /// </summary>
    public async Task RestartAsync()
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Radius:AuthPort"] = AuthEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Radius:AcctPort"] = AcctEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await StopHostAsync();
        _host = await StartHostAsync(settings, Clock, Logs);
    }

    /// <summary>
    /// Moves the clock forward in steps, letting every simulated router's accounting land after each step, as it
    /// would while time passes continuously (one big jump would fire every interim at the final instant).
    /// </summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        var increment = step ?? TimeSpan.FromMinutes(1);
        for (var moved = TimeSpan.Zero; moved < total; moved += increment)
        {
            Clock.Advance(increment < total - moved ? increment : total - moved);
            foreach (var router in _routers)
            {
                await router.WaitForAccountingAsync();
            }
        }
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts a simulated MikroTik router (from <paramref name="address"/>, a loopback address) and registers it as a
    /// router with its CoA port, then refreshes the registry as the router endpoints do.
    /// </summary>
    public async Task<(Router Router, HotspotSimulator Simulator)> StartRouterAsync(
        Action<HotspotSimulatorOptions>? configure = null,
        string address = "127.0.0.1",
        Func<RouterDefinition, RouterDefinition>? define = null)
    {
        var options = new HotspotSimulatorOptions
        {
            AuthServer = AuthEndPoint,
            AcctServer = AcctEndPoint,
            Secret = Secret,
            LocalAddress = IPAddress.Parse(address),
            CoaPort = 0,
            Clock = Clock,
            RadiusTimeout = TimeSpan.FromMilliseconds(1100),
            RadiusRetries = 3,
        };
        configure?.Invoke(options);
        var simulator = HotspotSimulator.Start(options);
        _routers.Add(simulator);
        var definition = new RouterDefinition(options.Identity, Address: address, CoaPort: simulator.CoaEndPoint?.Port ?? 3799);
        var router = await Routers.CreateAsync(define?.Invoke(definition) ?? definition, Secret, CancellationToken.None);
        await Registry.RefreshAsync(CancellationToken.None);
        return (router, simulator);
    }

    public async Task<Plan> CreatePlanAsync(
        TimeSpan? duration = null,
        PlanMode mode = PlanMode.Validity,
        string? rateLimit = "2M/5M",
        long? dataCapBytes = null,
        int devices = 1,
        IReadOnlyList<string>? routerIds = null) =>
        await Plans.CreateAsync(
            new PlanDefinition("Test plan", 20, duration ?? TimeSpan.FromHours(1), mode, rateLimit, dataCapBytes, devices, AllowedRouterIds: routerIds),
            CancellationToken.None);

    public async Task<Voucher> MintAsync(Plan plan, string? device = null) =>
        await Vouchers.CreateAsync(
            new VoucherIssue(plan.Snapshot(), VoucherSource.Admin, Device: device is null ? null : MacAddress.Parse(device)),
            CancellationToken.None);

    public async Task<AccountingSession> SessionAsync(Router router, HotspotSession session) =>
        await Sessions.FindByAcctSessionIdAsync(router.Id, session.AcctSessionId, CancellationToken.None)
        ?? throw new InvalidOperationException($"No session {session.AcctSessionId} is stored.");

    /// <summary>Polls the store (real time, generous deadline) until the session satisfies <paramref name="condition"/>.</summary>
    public async Task<AccountingSession> WaitForSessionAsync(Router router, HotspotSession session, Func<AccountingSession, bool> condition, string what)
    {
        AccountingSession? current = null;
        await Poll.UntilAsync(
            () =>
            {
                current = Sessions.FindByAcctSessionIdAsync(router.Id, session.AcctSessionId, CancellationToken.None).GetAwaiter().GetResult();
                return current is not null && condition(current);
            },
            what);
        return current!;
    }

    /// <summary>Waits until every queued Disconnect/CoA command has run.</summary>
    public Task WaitForCommandsAsync() => Poll.UntilAsync(() => Worker.Completed >= Commands.Queued, "the session commands have run");

    public async ValueTask DisposeAsync()
    {
        foreach (var router in _routers)
        {
            await router.DisposeAsync();
        }

        await StopHostAsync();
        if (Environment.GetEnvironmentVariable("WB_HOTSPOT_TEST_LOGS") is { Length: > 0 } logFolder)
        {
            // Debugging aid: WB_HOTSPOT_TEST_LOGS=/some/dir keeps every rig's log.
            Directory.CreateDirectory(logFolder);
            await File.WriteAllLinesAsync(
                Path.Combine(logFolder, Path.GetFileName(Folder) + ".log"),
                Logs.Entries.Select(e => $"{e.Level,-11} {e.Category}: {e.Message}"));
        }

        if (_ownsFolder)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static async Task<IHost> StartHostAsync(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider clock, ListLoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddBillingStorage(builder.Configuration);
        builder.Services.AddRadiusServer(builder.Configuration);
        builder.Services.AddRadiusCoaClient(builder.Configuration);
        builder.Services.AddHotspot(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<VoucherExpiryScheduler>().Rebuilt.WaitAsync(TimeSpan.FromSeconds(30));
        return host;
    }

    private async Task StopHostAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
