using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Simulators.Daraja;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Billing.Tests.Daraja;

/// <summary>
/// Our Daraja client, built through <c>AddDarajaClient</c>, talking real HTTP to the Daraja simulator on
/// 127.0.0.1:0, with a callback receiver and one <see cref="FakeTimeProvider"/> shared by both sides.
/// </summary>
internal sealed class DarajaTestRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private DarajaTestRig(FakeTimeProvider time, DarajaSimulatorHost simulator, LoopbackCallbackReceiver receiver, ServiceProvider services)
    {
        Time = time;
        Simulator = simulator;
        Receiver = receiver;
        _services = services;
        Control = new HttpClient { BaseAddress = new Uri(simulator.BaseAddress, "simulator/") };
    }

    public FakeTimeProvider Time { get; }

    public DarajaSimulatorHost Simulator { get; }

    public LoopbackCallbackReceiver Receiver { get; }

    public HttpClient Control { get; }

    public IDarajaClient Client => _services.GetRequiredService<IDarajaClient>();

    public DarajaTokenCache TokenCache => _services.GetRequiredService<DarajaTokenCache>();

    public long Requests(SimulatedOperation operation) => Simulator.State.RequestCount(operation);

    public Uri CallbackUrl => Receiver.Url("/api/payments/callback/9f2c4e1ab07d");

    public static Task<DarajaTestRig> StartAsync(
        Action<DarajaSimulatorOptions>? simulator = null, params (string Key, string Value)[] clientSettings) =>
        StartAsync(simulator, string.Empty, clientSettings);

    /// <summary>The simulator mounted under <paramref name="pathPrefix"/>, as the Portal mounts it in demo mode.</summary>
    public static async Task<DarajaTestRig> StartAsync(
        Action<DarajaSimulatorOptions>? simulator, string pathPrefix, params (string Key, string Value)[] clientSettings)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 7, 10, 6, 15, 26, TimeSpan.Zero));
        var host = await DarajaSimulatorHost.StartAsync(IPAddress.Loopback, 0, simulator, time, pathPrefix: pathPrefix);
        var receiver = await LoopbackCallbackReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Daraja:BaseUrlOverride"] = host.BaseAddress.AbsoluteUri,
            ["MPESA_CONSUMER_KEY"] = DarajaSimulatorOptions.DefaultConsumerKey,
            ["MPESA_CONSUMER_SECRET"] = DarajaSimulatorOptions.DefaultConsumerSecret,
            ["SHORTCODE"] = DarajaSimulatorOptions.SandboxShortCode,
            ["PASSKEY"] = DarajaSimulatorOptions.SandboxPassKey,
            ["Daraja:RequestTimeout"] = "00:00:10",
            ["Daraja:TokenRetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in clientSettings)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddDarajaClient(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new DarajaTestRig(time, host, receiver, services);
    }

    public async Task ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Control.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    public Task InjectAsync(string operation, string shape, int statusCode = 500, int times = 1, string? errorCode = null,
        string? errorMessage = null, int? delayMilliseconds = null) =>
        ControlAsync(HttpMethod.Post, "faults", new { operation, shape, statusCode, times, errorCode, errorMessage, delayMilliseconds });

    public StkPushRequest Push(string phone = "0708374149", long amount = 1, string reference = "WIFI1H") =>
        new(phone, amount, reference, "Wi-Fi 1 hour", CallbackUrl);

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await _services.DisposeAsync();
        await Receiver.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
