using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage;
using WifiBilling.Radius;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Benchmarks;

/// <summary>
/// The hotspot access handler deciding Access-Requests in process (no UDP), on SQLite holding 100,000 vouchers, as
/// the Portal wires it: a CHAP re-login of an active voucher from its bound device (the common login: read only), and
/// the MAC login RouterOS sends for every new device it sees (a miss, answered at once). Results and the command are
/// in docs/benchmarks.md.
/// </summary>
[Config(typeof(Config))]
public class HotspotAccessBenchmarks
{
    public const int RequestsPerInvoke = 4_096;

    /// <summary>Access-Requests in flight at once, as RADIUS workers would hand them to the handler.</summary>
    public const int Concurrency = 64;

    private const string Secret = "bench-secret";

    private readonly RadiusClient _router = new("bench-router", Secret) { Id = "rtr_bench" };
    private string _folder = null!;
    private ServiceProvider _services = null!;
    private IAccessRequestHandler _handler = null!;
    private RadiusPacket[] _chapLogins = null!;
    private RadiusPacket[] _unknownDevices = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "wifibilling-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "billing.db"),
            ["Plans:Seed:Enabled"] = "false",
            ["Hotspot:RouterRejectsBeforeDelay"] = "100000",
        }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddBillingStorage(configuration)
            .AddRadiusCoaClient(configuration)
            .AddHotspot(configuration)
            .BuildServiceProvider();
        await _services.GetRequiredService<IBillingStoreSchema>().EnsureCreatedAsync(CancellationToken.None);
        _handler = _services.GetRequiredService<IAccessRequestHandler>();

        var plan = await _services.GetRequiredService<IPlanStore>()
            .CreateAsync(new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), RateLimit: "2M/5M"), CancellationToken.None);
        var vouchers = _services.GetRequiredService<IVoucherStore>();
        var codes = new List<string>(BillingBenchmarkStore.VoucherCount);
        for (var batch = 0; batch < BillingBenchmarkStore.VoucherCount / VoucherIssue.MaxBatchCount; batch++)
        {
            var minted = await vouchers.CreateManyAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Batch), VoucherIssue.MaxBatchCount, CancellationToken.None);
            codes.AddRange(minted.Select(v => v.Code.Value));
        }

        // The first RequestsPerInvoke vouchers are in use, each on its own device: re-logins only read. Activated
        // all at once, so the store commits them in a few group commits rather than one fsync each.
        _chapLogins = new RadiusPacket[RequestsPerInvoke];
        _unknownDevices = new RadiusPacket[RequestsPerInvoke];
        await Task.WhenAll(Enumerable.Range(0, RequestsPerInvoke).Select(i =>
            vouchers.AdmitLoginAsync(new VoucherLogin(codes[i], MacAddress.Parse(Mac(i)), _router.Id), CancellationToken.None)));
        for (var i = 0; i < RequestsPerInvoke; i++)
        {
            _chapLogins[i] = ChapRequest(codes[i], Mac(i));
            _unknownDevices[i] = MacRequest(Mac(RequestsPerInvoke + i));
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task ChapReLoginConcurrent() => RunAsync(_chapLogins, RadiusCode.AccessAccept);

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task UnknownDeviceMacLoginConcurrent() => RunAsync(_unknownDevices, RadiusCode.AccessReject);

    private static string Mac(int i) => $"02:00:00:{(i >> 16) & 0xFF:X2}:{(i >> 8) & 0xFF:X2}:{i & 0xFF:X2}";

    private static RadiusPacket ChapRequest(string code, string mac)
    {
        var challenge = new byte[16];
        Random.Shared.NextBytes(challenge);
        var response = new byte[Chap.ResponseLength];
        Chap.ComputeResponse(7, Encoding.UTF8.GetBytes(code), challenge, response);
        return new RadiusPacket(RadiusCode.AccessRequest, 1)
            .AddString(RadiusAttributeType.CallingStationId, mac)
            .AddString(RadiusAttributeType.UserName, code)
            .AddOctets(RadiusAttributeType.ChapChallenge, challenge)
            .AddOctets(RadiusAttributeType.ChapPassword, response);
    }

    private static RadiusPacket MacRequest(string mac)
    {
        var request = new RadiusPacket(RadiusCode.AccessRequest, 1)
            .AddString(RadiusAttributeType.CallingStationId, mac)
            .AddString(RadiusAttributeType.UserName, mac);
        return request.AddOctets(RadiusAttributeType.UserPassword, RadiusPassword.Hide(string.Empty, Encoding.UTF8.GetBytes(Secret), request.Authenticator.Span));
    }

    private async Task RunAsync(RadiusPacket[] requests, RadiusCode expected)
    {
        var next = -1;
        var remote = new IPEndPoint(IPAddress.Loopback, 40000);
        var now = DateTimeOffset.UtcNow;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Length)
            {
                var context = new RadiusRequestContext(requests[i], _router, remote, RadiusListenerKind.Authentication, now);
                var reply = await _handler.HandleAccessRequestAsync(context, CancellationToken.None);
                if (reply?.Code != expected)
                {
                    throw new InvalidOperationException($"Expected {expected}, got {reply?.Code}.");
                }
            }
        });
        await Task.WhenAll(workers);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Each invocation decides 4,096 requests; a fixed number of single invocations (no pilot stage).
            AddJob(new BenchmarkDotNet.Jobs.Job("HotspotAccess")
            {
                Run = { RunStrategy = RunStrategy.Monitoring, LaunchCount = 1, WarmupCount = 3, IterationCount = 10, InvocationCount = 1, UnrollFactor = 1 },
            });
            AddColumn(StatisticColumn.OperationsPerSecond);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
