using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Simulators.Tests.Daraja.Support;

/// <summary>
/// The simulator on 127.0.0.1:0 with a <see cref="FakeTimeProvider"/>, a callback receiver, and raw HTTP helpers
/// that speak Daraja's wire format directly (these tests check the simulator, not our client).
/// </summary>
public sealed class SimulatorHarness : IAsyncDisposable
{
    public const string ShortCode = DarajaSimulatorOptions.SandboxShortCode;
    public const string PassKey = DarajaSimulatorOptions.SandboxPassKey;
    public const string SandboxPhone = "254708374149";

    private SimulatorHarness(FakeTimeProvider time, DarajaSimulatorHost host, LoopbackCallbackReceiver receiver)
    {
        Time = time;
        Host = host;
        Receiver = receiver;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>2024-07-10 06:15:26 UTC = 09:15:26 in Nairobi.</summary>
    public static DateTimeOffset Start { get; } = new(2024, 7, 10, 6, 15, 26, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public DarajaSimulatorHost Host { get; }

    public LoopbackCallbackReceiver Receiver { get; }

    public HttpClient Http { get; }

    public DarajaSimulatorState State => Host.State;

    public static async Task<SimulatorHarness> StartAsync(Action<DarajaSimulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var host = await DarajaSimulatorHost.StartAsync(IPAddress.Loopback, 0, configure, time);
        var receiver = await LoopbackCallbackReceiver.StartAsync();
        return new SimulatorHarness(time, host, receiver);
    }

    public static string KenyaTimestamp(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(3)).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public static string Password(string timestamp, string shortCode = ShortCode, string passKey = PassKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(shortCode + passKey + timestamp));

    public async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "oauth/v1/generate?grant_type=client_credentials");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DarajaSimulatorOptions.DefaultConsumerKey}:{DarajaSimulatorOptions.DefaultConsumerSecret}")));
        using var response = await Http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await ReadJsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    /// <summary>A valid push body (the official sample's shape); change entries to test validation.</summary>
    public Dictionary<string, object?> PushBody(string phone = SandboxPhone, object? amount = null, string callbackPath = "/api/payments/callback/abc123")
    {
        var timestamp = KenyaTimestamp(Time.GetUtcNow());
        return new Dictionary<string, object?>
        {
            ["BusinessShortCode"] = 174379,
            ["Password"] = Password(timestamp),
            ["Timestamp"] = timestamp,
            ["TransactionType"] = "CustomerPayBillOnline",
            ["Amount"] = amount ?? "1",
            ["PartyA"] = phone,
            ["PartyB"] = ShortCode,
            ["PhoneNumber"] = phone,
            ["CallBackURL"] = Receiver.Url(callbackPath).AbsoluteUri,
            ["AccountReference"] = "accountref",
            ["TransactionDesc"] = "txndesc",
        };
    }

    public Dictionary<string, object?> QueryBody(string checkoutRequestId)
    {
        var timestamp = KenyaTimestamp(Time.GetUtcNow());
        return new Dictionary<string, object?>
        {
            ["BusinessShortCode"] = ShortCode,
            ["Password"] = Password(timestamp),
            ["Timestamp"] = timestamp,
            ["CheckoutRequestID"] = checkoutRequestId,
        };
    }

    /// <summary>POSTs <paramref name="body"/> as Daraja JSON with a bearer token (a fresh one unless given).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, object body, string? token = null)
    {
        token ??= await TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    /// <summary>Pushes and returns the CheckoutRequestID, asserting Daraja accepted it.</summary>
    public async Task<string> PushAsync(string phone = SandboxPhone, string? token = null, long amount = 1)
    {
        using var response = await PostAsync("mpesa/stkpush/v1/processrequest", PushBody(phone, amount), token);
        var json = await ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToString());
        json.GetProperty("ResponseCode").GetString().Should().Be("0");
        return json.GetProperty("CheckoutRequestID").GetString()!;
    }

    public async Task<HttpResponseMessage> QueryAsync(string checkoutRequestId, string? token = null) =>
        await PostAsync("mpesa/stkpushquery/v1/query", QueryBody(checkoutRequestId), token);

    /// <summary>Calls the control API with camelCase JSON.</summary>
    public async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "simulator/" + path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Moves the simulated clock (callbacks fire on it), then waits for the sender to finish posting.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        var now = Time.GetUtcNow();
        await WaitUntilAsync(
            () => Host.State.Transactions.All(t => t.Deliveries.Count >= t.CallbackTimes.Count(at => at <= now)),
            "callbacks due by now were not posted");
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string because, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(because);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Receiver.DisposeAsync();
        await Host.DisposeAsync();
    }
}
