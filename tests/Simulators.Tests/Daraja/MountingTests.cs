using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WifiBilling.Simulators.Daraja;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Simulators.Tests.Daraja;

public sealed class MountingTests
{
    [Fact]
    public async Task MapDarajaSimulator_UnderAPrefixInAnotherApp_ServesDarajaThereAndWarnsThatPaymentsAreSimulated()
    {
        var logs = new RecordingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddDarajaSimulator(o => o.ConsumerKey = "portal-demo-key");
        await using var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapDarajaSimulator("/daraja-sim");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };

        using var request = new HttpRequestMessage(HttpMethod.Get, "daraja-sim/oauth/v1/generate?grant_type=client_credentials");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("portal-demo-key:simulator-consumer-secret")));
        using var token = await http.SendAsync(request);
        using var atRoot = await http.GetAsync("oauth/v1/generate?grant_type=client_credentials");
        using var health = await http.GetAsync("health");

        token.StatusCode.Should().Be(HttpStatusCode.OK);
        atRoot.StatusCode.Should().Be(HttpStatusCode.NotFound);
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("PAYMENTS ARE SIMULATED")
            && e.Message.Contains("/daraja-sim"));
        await app.StopAsync();
    }

    [Fact]
    public async Task MapDarajaSimulator_WithoutAddDarajaSimulator_SaysWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var act = () => app.MapDarajaSimulator("/daraja-sim");

        act.Should().Throw<InvalidOperationException>().WithMessage("*AddDarajaSimulator*");
    }

    [Fact]
    public async Task StandaloneCommand_WithBadArguments_PrintsUsageAndFails()
    {
        var command = new DarajaCommand();

        (await command.RunAsync(["--port", "http"], CancellationToken.None)).Should().Be(2);
        (await command.RunAsync(["stray"], CancellationToken.None)).Should().Be(2);
        command.Name.Should().Be("daraja");
    }

    [Fact]
    public async Task StandaloneCommand_RunsUntilCancelled()
    {
        using var stop = new CancellationTokenSource();
        var run = new DarajaCommand().RunAsync(["--port", "0", "--callback-delay", "1"], stop.Token);
        await Task.Delay(500);
        run.IsCompleted.Should().BeFalse("the simulator keeps serving until Ctrl+C");

        stop.Cancel();

        (await run.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
    }
}
