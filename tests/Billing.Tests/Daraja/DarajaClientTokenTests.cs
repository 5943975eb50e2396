using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Billing.Tests.Daraja;

/// <summary>OAuth token behaviour of <see cref="DarajaClient"/> over real HTTP against the simulator.</summary>
public sealed class DarajaClientTokenTests
{
    [Fact]
    public async Task GetAccessToken_Twice_FetchesOnceAndCaches()
    {
        await using var rig = await DarajaTestRig.StartAsync();

        var first = await rig.Client.GetAccessTokenAsync(CancellationToken.None);
        var second = await rig.Client.GetAccessTokenAsync(CancellationToken.None);

        second.Should().BeSameAs(first);
        first.Value.Should().HaveLength(28);
        first.ExpiresAt.Should().Be(rig.Time.GetUtcNow().AddSeconds(3599));
        rig.Requests(SimulatedOperation.Token).Should().Be(1);
    }

    [Fact]
    public async Task ManyConcurrentCallers_OnAColdCache_CauseOneTokenRequest()
    {
        await using var rig = await DarajaTestRig.StartAsync();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => rig.Client.GetAccessTokenAsync(CancellationToken.None))));
        var queries = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            rig.Client.QueryStkAsync($"ws_CO_unknown{i}", CancellationToken.None)));

        tokens.Select(t => t.Value).Distinct().Should().ContainSingle();
        queries.Should().AllBeOfType<StkQueryTransactionNotFound>();
        rig.Requests(SimulatedOperation.Token).Should().Be(1);
    }

    [Fact]
    public async Task ConcurrentQueries_AfterTheTokenWasVoided_RefetchOnceAndAllSucceed()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        await rig.Client.GetAccessTokenAsync(CancellationToken.None);
        await rig.ControlAsync(HttpMethod.Post, "tokens/expire");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => rig.Client.QueryStkAsync($"ws_CO_unknown{i}", CancellationToken.None))));

        results.Should().AllBeOfType<StkQueryTransactionNotFound>();
        rig.Requests(SimulatedOperation.Token).Should().Be(2, "one fetch replaces the voided token for every waiting caller");
    }

    [Fact]
    public async Task Token_IsRefreshedAtTheMarginBeforeExpiry()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        var first = await rig.Client.GetAccessTokenAsync(CancellationToken.None);

        rig.Time.Advance(TimeSpan.FromSeconds(3599 - 301));
        (await rig.Client.GetAccessTokenAsync(CancellationToken.None)).Should().BeSameAs(first);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        var second = await rig.Client.GetAccessTokenAsync(CancellationToken.None);

        second.Value.Should().NotBe(first.Value);
        rig.Requests(SimulatedOperation.Token).Should().Be(2);
    }

    [Fact]
    public async Task Token_PastItsExpiry_IsNotUsed()
    {
        await using var rig = await DarajaTestRig.StartAsync(null, ("Daraja:TokenRefreshMargin", "00:00:00"));
        await rig.Client.GetAccessTokenAsync(CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromHours(2));

        var result = await rig.Client.QueryStkAsync("ws_CO_unknown", CancellationToken.None);

        result.Should().BeOfType<StkQueryTransactionNotFound>();
        rig.Requests(SimulatedOperation.Token).Should().Be(2);
        rig.Requests(SimulatedOperation.StkQuery).Should().Be(1, "an expired token is replaced before the call, not after a refusal");
    }

    [Fact]
    public async Task InvalidAccessToken_OnACall_FetchesANewTokenAndRetriesOnce()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        await rig.Client.GetAccessTokenAsync(CancellationToken.None);
        await rig.ControlAsync(HttpMethod.Post, "tokens/expire");

        var result = await rig.Client.QueryStkAsync("ws_CO_unknown", CancellationToken.None);

        result.Should().BeOfType<StkQueryTransactionNotFound>();
        rig.Requests(SimulatedOperation.Token).Should().Be(2);
        rig.Requests(SimulatedOperation.StkQuery).Should().Be(2);
    }

    [Fact]
    public async Task InvalidAccessToken_Twice_GivesUpAfterOneRetry()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        await rig.InjectAsync("StkQuery", "JsonError", 404, times: 5, errorCode: "404.001.03", errorMessage: "Invalid Access Token");

        var act = () => rig.Client.QueryStkAsync("ws_CO_unknown", CancellationToken.None);

        (await act.Should().ThrowAsync<DarajaException>()).Which.Kind.Should().Be(DarajaErrorKind.InvalidToken);
        rig.Requests(SimulatedOperation.StkQuery).Should().Be(2);
        rig.Requests(SimulatedOperation.Token).Should().Be(2);
    }

    [Fact]
    public async Task TokenRequest_Failing503Twice_IsRetriedByThePipeline()
    {
        await using var rig = await DarajaTestRig.StartAsync();
        await rig.InjectAsync("Token", "Html", 503, times: 2);

        var token = await rig.Client.GetAccessTokenAsync(CancellationToken.None);

        token.Value.Should().HaveLength(28);
        rig.Requests(SimulatedOperation.Token).Should().Be(3);
    }

    [Fact]
    public async Task TokenRequest_WithWrongSecret_FailsWithoutRetry()
    {
        await using var rig = await DarajaTestRig.StartAsync(null, ("MPESA_CONSUMER_SECRET", "wrong"));

        var act = () => rig.Client.GetAccessTokenAsync(CancellationToken.None);

        var error = (await act.Should().ThrowAsync<DarajaException>()).Which;
        error.Kind.Should().Be(DarajaErrorKind.AuthenticationFailed);
        error.ErrorCode.Should().Be("400.008.01");
        rig.Requests(SimulatedOperation.Token).Should().Be(1);
    }

    [Fact]
    public async Task ExpiresInAsNumber_IsAcceptedToo()
    {
        await using var rig = await DarajaTestRig.StartAsync(o => o.ExpiresInAsNumber = true);

        var token = await rig.Client.GetAccessTokenAsync(CancellationToken.None);

        token.ExpiresAt.Should().Be(rig.Time.GetUtcNow().AddSeconds(3599));
    }
}
