using System.Net;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Simulators.Tests.Daraja;

public sealed class StkQueryTests : IAsyncLifetime
{
    private SimulatorHarness _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Query_WhilePendingInClassicStyle_Returns500TransactionIsBeingProcessed()
    {
        var id = await _sim.PushAsync();

        using var response = await _sim.QueryAsync(id);

        await StkPushValidationTests.ShouldBe1001Async(response, "The transaction is being processed");
        (await SimulatorHarness.ReadJsonAsync(response)).GetProperty("requestId").GetString().Should().Be(id);
    }

    [Fact]
    public async Task Query_WhilePendingIn4999Style_Returns200WithResultCode4999()
    {
        using var rule = await _sim.ControlAsync(HttpMethod.Post, "outcomes", new { resultCode = "0", pendingQuery = "ResultCode4999" });
        rule.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = await _sim.PushAsync();

        using var response = await _sim.QueryAsync(id);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await SimulatorHarness.ReadJsonAsync(response);
        json.GetProperty("ResultCode").GetString().Should().Be("4999");
        json.GetProperty("ResultDesc").GetString().Should().Be("The transaction is still under processing");
    }

    [Fact]
    public async Task Query_AfterCompletion_ReturnsStringResultCodeAndSafaricomsTypo()
    {
        var id = await _sim.PushAsync(MagicNumber(1032));
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));

        using var response = await _sim.QueryAsync(id);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await SimulatorHarness.ReadJsonAsync(response);
        json.GetProperty("ResponseCode").GetString().Should().Be("0");
        json.GetProperty("ResponseDescription").GetString().Should().Be("The service request has been accepted successsfully");
        json.GetProperty("CheckoutRequestID").GetString().Should().Be(id);
        json.GetProperty("ResultCode").GetString().Should().Be("1032");
        json.GetProperty("ResultDesc").GetString().Should().Be("Request cancelled by user");
    }

    [Fact]
    public async Task Query_UnknownId_ReturnsTransactionDoesNotExist()
    {
        using var response = await _sim.QueryAsync("ws_CO_10072024091526000708374149");

        await StkPushValidationTests.ShouldBe1001Async(response, "The transaction does not Exist");
    }

    [Fact]
    public async Task Query_WithWrongPassword_ReturnsWrongCredentials()
    {
        var id = await _sim.PushAsync();
        var body = _sim.QueryBody(id);
        body["Password"] = SimulatorHarness.Password("20160216165627");

        using var response = await _sim.PostAsync("mpesa/stkpushquery/v1/query", body);

        await StkPushValidationTests.ShouldBe1001Async(response, "Wrong credentials");
    }

    [Fact]
    public async Task Query_WithFailureRateOne_ReturnsIntermittent500()
    {
        var id = await _sim.PushAsync();
        using var put = await _sim.ControlAsync(HttpMethod.Put, "defaults", new { queryFailureRate = 1.0 });
        put.EnsureSuccessStatusCode();

        using var response = await _sim.QueryAsync(id);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await SimulatorHarness.ReadJsonAsync(response)).GetProperty("errorCode").GetString().Should().Be("500.003.1001");
    }

    private static string MagicNumber(int code) => WifiBilling.Simulators.Daraja.MagicPhoneNumbers.For(code);
}
