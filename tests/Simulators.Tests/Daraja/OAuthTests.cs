using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Simulators.Tests.Daraja;

public sealed class OAuthTests : IAsyncLifetime
{
    private SimulatorHarness _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Generate_WithBasicCredentials_ReturnsA28CharacterTokenAndExpiresInAsString()
    {
        using var response = await GenerateAsync("client_credentials", Basic("simulator-consumer-key", "simulator-consumer-secret"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await SimulatorHarness.ReadJsonAsync(response);
        json.GetProperty("access_token").GetString().Should().HaveLength(28);
        json.GetProperty("expires_in").GetString().Should().Be("3599");
    }

    [Fact]
    public async Task Generate_WithExpiresInAsNumberDefault_ReturnsANumber()
    {
        using var put = await _sim.ControlAsync(HttpMethod.Put, "defaults", new { expiresInAsNumber = true });
        put.EnsureSuccessStatusCode();

        using var response = await GenerateAsync("client_credentials", Basic("simulator-consumer-key", "simulator-consumer-secret"));

        (await SimulatorHarness.ReadJsonAsync(response)).GetProperty("expires_in").GetInt32().Should().Be(3599);
    }

    [Theory]
    [InlineData("password", "400.008.02", "Invalid grant type passed")]
    [InlineData("", "400.008.02", "Invalid grant type passed")]
    public async Task Generate_WithWrongGrantType_Returns400008_02(string grantType, string code, string message)
    {
        using var response = await GenerateAsync(grantType, Basic("simulator-consumer-key", "simulator-consumer-secret"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var json = await SimulatorHarness.ReadJsonAsync(response);
        json.GetProperty("errorCode").GetString().Should().Be(code);
        json.GetProperty("errorMessage").GetString().Should().Be(message);
        json.GetProperty("requestId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Generate_WithoutBasicAuthOrWithWrongSecret_Returns400008_01()
    {
        using var none = await GenerateAsync("client_credentials", null);
        using var wrong = await GenerateAsync("client_credentials", Basic("simulator-consumer-key", "guess"));
        using var bearer = await GenerateAsync("client_credentials", new AuthenticationHeaderValue("Bearer", "abc"));

        foreach (var response in new[] { none, wrong, bearer })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await SimulatorHarness.ReadJsonAsync(response)).GetProperty("errorCode").GetString().Should().Be("400.008.01");
        }
    }

    [Fact]
    public async Task Generate_WithPost_IsNotAllowed()
    {
        using var response = await _sim.Http.PostAsync("oauth/v1/generate?grant_type=client_credentials", null);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await SimulatorHarness.ReadJsonAsync(response)).GetProperty("errorCode").GetString().Should().Be("405.001");
    }

    [Fact]
    public async Task NewToken_InvalidatesThePreviousOne()
    {
        var first = await _sim.TokenAsync();
        var second = await _sim.TokenAsync();

        using var withFirst = await _sim.QueryAsync("ws_CO_unknown", first);
        using var withSecond = await _sim.QueryAsync("ws_CO_unknown", second);

        await ShouldBeInvalidTokenAsync(withFirst);
        withSecond.StatusCode.Should().NotBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_AfterItsLifetime_IsRefusedWithInvalidAccessToken()
    {
        var token = await _sim.TokenAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(3599));

        using var response = await _sim.QueryAsync("ws_CO_unknown", token);

        await ShouldBeInvalidTokenAsync(response);
    }

    [Fact]
    public async Task ExpireTokensFault_InvalidatesEveryToken()
    {
        var token = await _sim.TokenAsync();
        using var expire = await _sim.ControlAsync(HttpMethod.Post, "tokens/expire");
        expire.StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var response = await _sim.PostAsync("mpesa/stkpush/v1/processrequest", _sim.PushBody(), token);

        await ShouldBeInvalidTokenAsync(response);
        _sim.State.Transactions.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Post_WithMissingOrUnknownBearer_Returns404InvalidAccessToken(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "mpesa/stkpush/v1/processrequest")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _sim.Http.SendAsync(request);

        await ShouldBeInvalidTokenAsync(response);
    }

    internal static async Task ShouldBeInvalidTokenAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var json = await SimulatorHarness.ReadJsonAsync(response);
        json.GetProperty("errorCode").GetString().Should().Be("404.001.03");
        json.GetProperty("errorMessage").GetString().Should().Be("Invalid Access Token");
    }

    private static AuthenticationHeaderValue Basic(string key, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{secret}")));

    private async Task<HttpResponseMessage> GenerateAsync(string grantType, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"oauth/v1/generate?grant_type={grantType}");
        request.Headers.Authorization = authorization;
        return await _sim.Http.SendAsync(request);
    }
}
