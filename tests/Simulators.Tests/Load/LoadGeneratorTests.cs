using System.Net;
using System.Text.Json;
using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Load;
using WifiBilling.Simulators.Tests.Load.Support;

namespace WifiBilling.Simulators.Tests.Load;

/// <summary>
/// The load generator against our real RADIUS server on loopback, small numbers: what it counts (answered, accepted,
/// rejected, lost, retransmits) is what the server saw and answered, each virtual router is its own RADIUS client
/// (address and secret), and accounting runs start their sessions first.
/// </summary>
public sealed class LoadGeneratorTests
{
    private static readonly string[] Vouchers = ["K7M2Q9DX", "P4T8W2RA", "H3N6C9VE", "M8X2L5QB"];

    [Fact]
    public async Task ClosedLoopPap_FromThreeRouters_EveryLoginAnswered_AndCountedAsTheServerDecided()
    {
        await using var server = await LoadTestServer.StartAsync(routers: 3, Vouchers[..3]);

        // The fourth voucher is unknown to the server: a quarter of the logins are rejected.
        var report = await LoadGenerator.RunAsync(Settings(server, LoadKind.Pap, requests: 200, concurrency: 16, routers: 3), CancellationToken.None);

        var measured = report.Measured;
        measured.Loop.Should().Be("closed");
        measured.Sent.Should().Be(200);
        measured.Answered.Should().Be(200);
        measured.Accepted.Should().Be(150);
        measured.Rejected.Should().Be(50);
        measured.Lost.Should().Be(0);
        measured.BadReplies.Should().Be(0, "every reply is verified with the router's own secret");
        measured.Latency.Count.Should().Be(200);
        server.Access.Calls.Select(c => c.Source).Distinct().Should().BeEquivalentTo(
            [LoadTestServer.RouterAddress(1), LoadTestServer.RouterAddress(2), LoadTestServer.RouterAddress(3)]);
        server.Access.Calls.Should().OnlyContain(c => !c.Chap);
    }

    [Fact]
    public async Task OpenLoopChap_AtAFixedRate_SendsEveryRequestOnce_AndTheServerVerifiesTheChapPassword()
    {
        await using var server = await LoadTestServer.StartAsync(routers: 2, Vouchers);

        // A timeout far above any answer time: on a starved CI machine a 1.1 s RouterOS timeout let slow answers be
        // retransmitted, and this test is about the schedule sending each request once, not about the machine's speed.
        var report = await LoadGenerator.RunAsync(
            Settings(server, LoadKind.Chap, requests: 60, rate: 200, timeout: TimeSpan.FromSeconds(30)), CancellationToken.None);

        var measured = report.Measured;
        measured.Loop.Should().Be("open");
        measured.TargetRate.Should().Be(200);
        measured.Accepted.Should().Be(60, "every CHAP-Password was computed from the voucher code");
        measured.Lost.Should().Be(0);
        measured.Retransmits.Should().Be(0);
        server.Access.Calls.Should().HaveCount(60).And.OnlyContain(c => c.Chap);
    }

    [Fact]
    public async Task ARequestTheServerNeverAnswers_IsRetransmittedLikeRouterOs_ThenCountedLost()
    {
        await using var server = await LoadTestServer.StartAsync(routers: 1, Vouchers);
        server.Access.Silent[Vouchers[1]] = true;

        var report = await LoadGenerator.RunAsync(
            Settings(server, LoadKind.Pap, requests: 8, concurrency: 4, routers: 1, timeout: TimeSpan.FromMilliseconds(200), retries: 2),
            CancellationToken.None);

        var measured = report.Measured;
        measured.Lost.Should().Be(2, "two of the eight logins use the voucher the server never answers");
        measured.Retransmits.Should().Be(4, "each unanswered request is sent again twice (--retries 2)");
        measured.Answered.Should().Be(6);
        server.Access.Calls.Count(c => c.User == Vouchers[1]).Should().Be(2,
            "the server recognises the retransmits as duplicates (same Identifier and authenticator) and does not decide them again");
    }

    [Fact]
    public async Task AnImpatientRouter_IsAnsweredFromTheDuplicateCache_AndEachLoginIsDecidedOnce()
    {
        await using var server = await LoadTestServer.StartAsync(routers: 4, Vouchers);

        // A 2 ms timeout (RouterOS waits 1.1 s): many requests are sent again while the first copy is queued or being
        // handled, and copies that arrive after it was answered must get its reply octets again (RFC 5080 §2.2.2).
        // On two shared cores the kernel may drop some copies, or all of a request's (lost); the assertions hold
        // either way.
        var report = await LoadGenerator.RunAsync(
            Settings(server, LoadKind.Pap, requests: 5_000, concurrency: 16, routers: 4, timeout: TimeSpan.FromMilliseconds(2), retries: 20),
            CancellationToken.None);

        var measured = report.Measured;
        (measured.Answered + measured.Lost).Should().Be(5_000);
        measured.Retransmits.Should().BePositive();
        measured.BadReplies.Should().Be(0, "a cached reply is the original octets, signed for that request");
        measured.DuplicateReplies.Should().BePositive("copies answered from the cache arrive after the first answer");
        server.Server.Counters.RetransmitsAnswered.Should().BePositive();
        var decided = server.Access.Calls.Select(c => c.Authenticator).ToList();
        decided.Should().OnlyHaveUniqueItems("a retransmit is recognised by its Identifier and Request Authenticator and not decided again");
        decided.Count.Should().BeGreaterThanOrEqualTo((int)measured.Answered, "every answer was decided by the handler or copied from a decision");
    }

    [Fact]
    public async Task InterimUpdates_StartTheirSessionsFirst_ThenUpdateThem()
    {
        await using var server = await LoadTestServer.StartAsync(routers: 2, Vouchers);

        var report = await LoadGenerator.RunAsync(Settings(server, LoadKind.Interim, requests: 30, concurrency: 8, sessions: 6), CancellationToken.None);

        report.Phases.Select(p => p.Phase).Should().Equal("setup", "measured");
        report.Phases[0].Kind.Should().Be(LoadKind.Start);
        report.Phases[0].Answered.Should().Be(6);
        report.Measured.Answered.Should().Be(30);
        report.Measured.Lost.Should().Be(0);
        // Acct-Session-Ids are unique per router (RouterOS numbers its own sessions), so a session is router + id.
        var recorded = server.Accounting.Recorded.ToList();
        var started = recorded.Where(r => r.Status == (uint)AcctStatusType.Start).Select(r => (r.Router, r.SessionId)).ToHashSet();
        started.Should().HaveCount(6);
        recorded.Where(r => r.Status == (uint)AcctStatusType.InterimUpdate).Should().HaveCount(30)
            .And.OnlyContain(r => started.Contains(new ValueTuple<IPAddress, string?>(r.Router, r.SessionId)), "updates belong to the sessions started");
    }

    [Fact]
    public async Task TheJsonReport_CarriesEveryCounter_AndTheServersMemory()
    {
        await using var server = await LoadTestServer.StartAsync(routers: 1, Vouchers);
        var report = await LoadGenerator.RunAsync(
            Settings(server, LoadKind.Pap, requests: 20, concurrency: 4, routers: 1, setupPass: true, label: "tiny", serverProcessId: Environment.ProcessId),
            CancellationToken.None);

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        root.GetProperty("label").GetString().Should().Be("tiny");
        root.GetProperty("phases").GetArrayLength().Should().Be(2, "the setup pass is reported as its own phase");
        var measured = root.GetProperty("phases")[1];
        measured.GetProperty("kind").GetString().Should().Be("pap");
        measured.GetProperty("answered").GetInt64().Should().Be(20);
        measured.GetProperty("lost").GetInt64().Should().Be(0);
        measured.GetProperty("latency").GetProperty("p99").GetDouble().Should().BePositive();
        root.GetProperty("serverMemory").GetProperty("residentMegabytes").GetDouble().Should().BePositive();
        report.ToText().Should().Contain("tiny").And.Contain("lost 0");
    }

    private static LoadSettings Settings(
        LoadTestServer server,
        LoadKind kind,
        int requests,
        int concurrency = 8,
        double? rate = null,
        int routers = 2,
        int sessions = 0,
        TimeSpan? timeout = null,
        int retries = 3,
        bool setupPass = false,
        string? label = null,
        int? serverProcessId = null) =>
        new()
        {
            Server = IPAddress.Loopback,
            AuthPort = server.AuthPort,
            AcctPort = server.AcctPort,
            Secret = LoadTestServer.SecretPattern,
            Kind = kind,
            Vouchers = Vouchers,
            Routers = routers,
            DistinctAddresses = true,
            SourceAddress = LoadTestServer.RouterAddress(1),
            Requests = requests,
            Concurrency = concurrency,
            Rate = rate,
            Sessions = sessions,
            Timeout = timeout ?? TimeSpan.FromMilliseconds(1100),
            Retries = retries,
            SetupPass = setupPass,
            Label = label,
            ServerProcessId = serverProcessId,
        };
}
