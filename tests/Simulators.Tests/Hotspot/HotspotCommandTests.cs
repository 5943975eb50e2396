using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Hotspot;
using WifiBilling.Simulators.Tests.Hotspot.Support;

namespace WifiBilling.Simulators.Tests.Hotspot;

/// <summary>The <c>hotspot</c> command line against a scripted server.</summary>
public sealed class HotspotCommandTests : IAsyncLifetime
{
    private readonly ScriptedRadiusServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("--secret", "s")]
    [InlineData("--server", "127.0.0.1", "--secret", "s")]
    [InlineData("--server", "not-an-ip", "--secret", "s", "--voucher", "7KQ4MZ2RHT")]
    [InlineData("--server", "127.0.0.1", "--secret", "s", "--voucher", "7KQ4MZ2RHT", "--boot", "16")]
    [InlineData("--server", "127.0.0.1", "--secret", "s", "--mac", "not-a-mac")]
    public async Task BadArguments_ExitWithUsage(params string[] args) =>
        (await new HotspotCommand().RunAsync(args, CancellationToken.None)).Should().Be(2);

    [Fact]
    public async Task Reject_ExitsWithOne()
    {
        _server.OnAccess = r => r.CreateResponse(RadiusCode.AccessReject);

        (await new HotspotCommand().RunAsync(Arguments("--pap"), CancellationToken.None)).Should().Be(1);
    }

    [Fact]
    public async Task Accept_KeepsTheSessionUntilCancelled_ThenLogsOut()
    {
        using var stop = new CancellationTokenSource();
        var run = new HotspotCommand().RunAsync(Arguments("--chap"), stop.Token);

        await _server.WaitForAccountingAsync(AcctStatusType.Start);
        await stop.CancelAsync();

        (await run.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
        var logout = (await _server.WaitForAccountingAsync(AcctStatusType.Stop)).Packet;
        logout.GetUInt32(RadiusAttributeType.AcctTerminateCause).Should().Be((uint)AcctTerminateCause.UserRequest);
        logout.GetString(RadiusAttributeType.AcctSessionId).Should().MatchRegex("^80[0-9a-f]00001$");
    }

    private string[] Arguments(string method) =>
    [
        "--server", "127.0.0.1", "--auth-port", _server.AuthEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--acct-port", _server.AcctEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--secret", ScriptedRadiusServer.Secret, "--voucher", "7KQ4MZ2RHT", method, "--coa-port", "0",
    ];
}
