using System.Net;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Simulators.Tests.Daraja;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private SimulatorHarness _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData("SoapFault", 500, "application/json", "\"faultstring\"")]
    [InlineData("Html", 503, "text/html", "<html>")]
    [InlineData("Empty", 502, null, "")]
    [InlineData("InvalidJson", 500, "application/json", "\"errorCode\":")]
    [InlineData("JsonError", 500, "application/json", "\"500.003.02\"")]
    public async Task InjectedFault_ReplacesTheNextPushAnswer_AndNothingIsRecorded(string shape, int status, string? mediaType, string bodyPart)
    {
        var token = await _sim.TokenAsync();
        using var inject = await _sim.ControlAsync(HttpMethod.Post, "faults",
            new { operation = "StkPush", shape, statusCode = status, errorCode = "500.003.02", errorMessage = "Spike Arrest Violation" });
        inject.StatusCode.Should().Be(HttpStatusCode.Created);

        using var faulted = await _sim.PostAsync("mpesa/stkpush/v1/processrequest", _sim.PushBody(), token);
        using var next = await _sim.PostAsync("mpesa/stkpush/v1/processrequest", _sim.PushBody(), token);

        ((int)faulted.StatusCode).Should().Be(status);
        faulted.Content.Headers.ContentType?.MediaType.Should().Be(mediaType);
        var text = await faulted.Content.ReadAsStringAsync();
        if (bodyPart.Length == 0)
        {
            text.Should().BeEmpty();
        }
        else
        {
            text.Should().Contain(bodyPart);
        }

        next.StatusCode.Should().Be(HttpStatusCode.OK, "a fault applies to the number of requests it was given");
        _sim.State.Transactions.Should().HaveCount(1);
    }

    [Fact]
    public async Task SlowResponseFault_ProcessesThePushButHoldsTheAnswer()
    {
        var token = await _sim.TokenAsync();
        using var inject = await _sim.ControlAsync(HttpMethod.Post, "faults",
            new { operation = "StkPush", shape = "SlowResponse", delayMilliseconds = 300 });
        inject.EnsureSuccessStatusCode();

        using var response = await _sim.PostAsync("mpesa/stkpush/v1/processrequest", _sim.PushBody(), token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _sim.State.Transactions.Should().ContainSingle();
    }

    [Fact]
    public async Task Stats_CountRequestsPerApi()
    {
        await _sim.PushAsync();
        (await _sim.QueryAsync("ws_CO_x")).Dispose();

        using var response = await _sim.ControlAsync(HttpMethod.Get, "stats");
        var stats = await SimulatorHarness.ReadJsonAsync(response);

        stats.GetProperty("tokenRequests").GetInt64().Should().Be(2);
        stats.GetProperty("stkPushRequests").GetInt64().Should().Be(1);
        stats.GetProperty("stkQueryRequests").GetInt64().Should().Be(1);
        stats.GetProperty("c2bRegisterUrlRequests").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task Reset_ForgetsEverything()
    {
        await _sim.PushAsync();
        using var reset = await _sim.ControlAsync(HttpMethod.Post, "reset");

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        _sim.State.Transactions.Should().BeEmpty();
        _sim.State.RequestCount(WifiBilling.Simulators.Daraja.SimulatedOperation.StkPush).Should().Be(0);
    }
}
