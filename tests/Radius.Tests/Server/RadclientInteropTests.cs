using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;
using WifiBilling.Radius.Tests.Support;

namespace WifiBilling.Radius.Tests.Server;

/// <summary>FreeRADIUS radclient against the real server on loopback (port 0) with the throwaway handlers.</summary>
public sealed class RadclientInteropTests : IAsyncLifetime
{
    private RadiusServerHost _host = null!;

    private string Auth => $"127.0.0.1:{_host.AuthEndPoint.Port}";

    private string Acct => $"127.0.0.1:{_host.AcctEndPoint.Port}";

    public async Task InitializeAsync() => _host = await RadiusServerHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task PapAccessRequest_KnownVoucher_IsAcceptedWithTheReplyAttributes()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");

        var result = await Radclient.SendAsync(Auth, "auth", RadiusServerHost.Secret,
            "User-Name = \"alice\"\nUser-Password = \"wonderland\"\nNAS-Identifier = \"MikroTik\"\nService-Type = Login-User\n");

        result.ReceivedCode.Should().Be("Access-Accept", result.Output);
        result.Attributes.Should().Contain("Session-Timeout", "3600")
            .And.Contain("Acct-Interim-Interval", "300")
            .And.Contain("Mikrotik-Rate-Limit", "\"512k/2M\"")
            .And.Contain("Class", "0x706c616e2d3168")
            .And.ContainKey("Message-Authenticator");
        result.ExitCode.Should().Be(0);
    }

    [SkippableFact]
    public async Task PapAccessRequest_WrongPassword_IsRejectedWithAReplyMessage()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");

        var result = await Radclient.SendAsync(Auth, "auth", RadiusServerHost.Secret, "User-Name = \"alice\"\nUser-Password = \"wrong\"\n");

        result.ReceivedCode.Should().Be("Access-Reject", result.Output);
        result.Attributes.Should().Contain("Reply-Message", $"\"{TestAccessHandler.RejectMessage}\"").And.ContainKey("Message-Authenticator");
    }

    [SkippableFact]
    public async Task ChapAccessRequest_ChallengeFromTheAuthenticator_IsAccepted()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");

        var result = await Radclient.SendAsync(Auth, "auth", RadiusServerHost.Secret, "User-Name = \"thepumper\"\nCHAP-Password = \"pumpkin42\"\n");

        result.ReceivedCode.Should().Be("Access-Accept", result.Output);
        result.Attributes.Should().Contain("Session-Timeout", "3600");
    }

    [SkippableFact]
    public async Task ChapAccessRequest_WithChapChallengeAndMessageAuthenticator_IsAccepted()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");

        var result = await Radclient.SendAsync(Auth, "auth", RadiusServerHost.Secret,
            "User-Name = \"K7M2Q9DX\"\nCHAP-Password = \"K7M2Q9DX\"\nCHAP-Challenge = 0x19a63ce2e283187f977609b470b01368\nMessage-Authenticator = 0x00\n");

        result.ReceivedCode.Should().Be("Access-Accept", result.Output);
        result.Attributes.Should().Contain("Mikrotik-Rate-Limit", "\"512k/2M\"");
    }

    [SkippableFact]
    public async Task ChapAccessRequest_WrongPassword_IsRejected()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");

        var result = await Radclient.SendAsync(Auth, "auth", RadiusServerHost.Secret, "User-Name = \"thepumper\"\nCHAP-Password = \"pumpkin43\"\n");

        result.ReceivedCode.Should().Be("Access-Reject", result.Output);
    }

    [SkippableFact]
    public async Task StatusServer_IsAnsweredOnBothPorts()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");

        var auth = await Radclient.SendAsync(Auth, "status", RadiusServerHost.Secret, "Message-Authenticator = 0x00\n");
        var acct = await Radclient.SendAsync(Acct, "status", RadiusServerHost.Secret, "Message-Authenticator = 0x00\n");

        auth.ReceivedCode.Should().Be("Access-Accept", auth.Output);
        acct.ReceivedCode.Should().Be("Accounting-Response", acct.Output);
        _host.Access.Calls(string.Empty).Should().Be(0, "the server answers Status-Server itself");
    }

    [SkippableFact]
    public async Task AccountingRequest_IsRecordedThenAnswered()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");

        var result = await Radclient.SendAsync(Acct, "acct", RadiusServerHost.Secret,
            "Acct-Status-Type = Stop\nUser-Name = \"alice\"\nAcct-Session-Id = \"80100014\"\nAcct-Input-Octets = 56\nAcct-Output-Octets = 1024\n" +
            "Acct-Session-Time = 5\nAcct-Terminate-Cause = User-Request\nFramed-IP-Address = 10.5.88.2\n");

        result.ReceivedCode.Should().Be("Accounting-Response", result.Output);
        var recorded = _host.Accounting.Recorded.Should().ContainSingle().Subject.Request;
        recorded.GetUInt32(RadiusAttributeType.AcctStatusType).Should().Be((uint)AcctStatusType.Stop);
        recorded.GetUInt32(RadiusAttributeType.AcctOutputOctets).Should().Be(1024);
        recorded.GetUInt32(RadiusAttributeType.AcctTerminateCause).Should().Be((uint)AcctTerminateCause.UserRequest);
    }

    [SkippableTheory]
    [InlineData("acct", "Acct-Status-Type = Start\nUser-Name = \"alice\"\nAcct-Session-Id = \"wrong-secret\"\n", RadiusDropReason.BadAuthenticator)]
    [InlineData("auth", "User-Name = \"alice\"\nUser-Password = \"wonderland\"\nMessage-Authenticator = 0x00\n", RadiusDropReason.BadMessageAuthenticator)]
    [InlineData("status", "Message-Authenticator = 0x00\n", RadiusDropReason.BadMessageAuthenticator)]
    public async Task WrongSharedSecret_GetsNoReply(string command, string input, RadiusDropReason reason)
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");
        var server = command == "acct" ? Acct : Auth;

        var result = await Radclient.SendAsync(server, command, "not-the-secret", input, timeoutSeconds: 1);

        result.ReceivedCode.Should().BeNull(result.Output);
        result.ExitCode.Should().NotBe(0);
        _host.Server.Counters.GetDropped(reason).Should().BeGreaterThan(0);
        _host.Access.Calls("alice").Should().Be(0);
        _host.Accounting.Attempts("wrong-secret").Should().Be(0);
    }

    [SkippableFact]
    public async Task AccessRequest_OverIPv6_IsAnswered()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");
        Skip.IfNot(System.Net.Sockets.Socket.OSSupportsIPv6, "no IPv6 on this machine");

        var result = await Radclient.SendAsync($"[::1]:{_host.AuthEndPoint.Port}", "auth", RadiusServerHost.Secret,
            "User-Name = \"alice\"\nUser-Password = \"wonderland\"\n");

        result.ReceivedCode.Should().Be("Access-Accept", result.Output);
    }
}
