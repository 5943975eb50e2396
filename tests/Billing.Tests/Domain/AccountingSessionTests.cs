using System.Net;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Domain.Sessions;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class AccountingSessionTests
{
    private readonly FakeTimeProvider _clock = new(TestPlans.Start);

    [Fact]
    public void Apply_CountersOnlyMoveForward()
    {
        var (session, _) = AccountingSession.Open(Record(AccountingEvent.Start), _clock.GetUtcNow());

        session.Apply(Record(AccountingEvent.InterimUpdate, 600, 1_000, 5_000), _clock.GetUtcNow()).Should().Be(new UsageDelta(600, 6_000));
        var late = session.Apply(Record(AccountingEvent.InterimUpdate, 300, 500, 2_000), _clock.GetUtcNow());

        late.IsZero.Should().BeTrue("a reordered older interim adds nothing");
        session.SessionSeconds.Should().Be(600);
        session.InputBytes.Should().Be(1_000);
        session.OutputBytes.Should().Be(5_000);
    }

    [Fact]
    public void IsReusedBy_OnlyARecordStartingOverWellAfterTheClose()
    {
        var (session, _) = AccountingSession.Open(Record(AccountingEvent.Start), _clock.GetUtcNow());
        session.IsReusedBy(Record(AccountingEvent.Start), _clock.GetUtcNow()).Should().BeFalse("an open session is never reused");
        _clock.Advance(TimeSpan.FromMinutes(15));
        session.Apply(Record(AccountingEvent.Stop, 900, 10, 20, "User-Request"), _clock.GetUtcNow());
        var closedAt = _clock.GetUtcNow();

        session.IsReusedBy(Record(AccountingEvent.InterimUpdate, 600, 5, 5), closedAt + TimeSpan.FromMinutes(1))
            .Should().BeFalse("a late interim arriving soon after the Stop belongs to the closed session");
        session.IsReusedBy(Record(AccountingEvent.Start) with { EventTime = closedAt - TimeSpan.FromMinutes(15) }, closedAt + TimeSpan.FromDays(1))
            .Should().BeFalse("a Start stamped before the close is this session's own, however late it arrives");
        session.IsReusedBy(Record(AccountingEvent.InterimUpdate, 1_200, 50, 50), closedAt + TimeSpan.FromDays(1))
            .Should().BeFalse("more session time than counted continues this session (the server closed it too early)");
        session.IsReusedBy(Record(AccountingEvent.Start), closedAt + TimeSpan.FromDays(1)).Should().BeTrue();
        session.IsReusedBy(Record(AccountingEvent.InterimUpdate, 60, 1, 1), closedAt + TimeSpan.FromDays(1)).Should().BeTrue();

        var archived = session.ToArchived();
        archived.AcctSessionId.Should().Be(session.AcctSessionId + "~" + closedAt.ToUnixTimeSeconds());
        archived.Id.Should().NotBe(session.Id);
        archived.SessionSeconds.Should().Be(900);
        archived.StoppedAt.Should().Be(closedAt);
    }

    [Fact]
    public void Apply_StopClosesOnce_AndALateInterimDoesNotReopen()
    {
        var (session, _) = AccountingSession.Open(Record(AccountingEvent.Start), _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(15));

        session.Apply(Record(AccountingEvent.Stop, 900, 10, 20, "User-Request"), _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(1));
        session.Apply(Record(AccountingEvent.InterimUpdate, 600, 5, 5), _clock.GetUtcNow());
        session.Apply(Record(AccountingEvent.Stop, 900, 10, 20, "Lost-Carrier"), _clock.GetUtcNow());

        session.IsOpen.Should().BeFalse();
        session.StoppedAt.Should().Be(TestPlans.Start.AddMinutes(15));
        session.TerminateCause.Should().Be("User-Request");
        session.SessionSeconds.Should().Be(900);
    }

    [Fact]
    public void Open_StopWithoutStart_CreatesAClosedSession()
    {
        _clock.Advance(TimeSpan.FromMinutes(5));

        var (session, added) = AccountingSession.Open(Record(AccountingEvent.Stop, 300, 56, 56, "User-Request"), _clock.GetUtcNow());

        session.IsOpen.Should().BeFalse();
        session.StartedAt.Should().Be(TestPlans.Start, "started = stop time − Acct-Session-Time");
        added.Should().Be(new UsageDelta(300, 112));
    }

    [Fact]
    public void Open_KeepsNasAttributesAsSent_AndNormalisesTheVoucherCode()
    {
        var (session, _) = AccountingSession.Open(
            Record(AccountingEvent.Start) with { VoucherCode = "7k3m-9p2q-xz" },
            _clock.GetUtcNow());

        session.Id.Should().StartWith("ses_");
        session.NasIpAddress.Should().Be(IPAddress.Parse("10.0.0.1"));
        session.NasIdentifier.Should().Be("KhwanrichaiHome");
        session.FramedIpAddress.Should().Be(IPAddress.Parse("10.5.88.2"));
        session.VoucherCode.Should().Be("7K3M9P2QXZ");
    }

    [Fact]
    public void ClaimDisconnect_OneOwnerAtATime_AndRetryAfterTimeout()
    {
        var (session, _) = AccountingSession.Open(Record(AccountingEvent.Start), _clock.GetUtcNow());
        var lease = _clock.GetUtcNow().AddSeconds(30);

        session.TryClaimDisconnect("a", lease, _clock.GetUtcNow()).Should().BeTrue();
        session.TryClaimDisconnect("b", lease, _clock.GetUtcNow()).Should().BeFalse();
        session.RecordDisconnect("b", DisconnectOutcome.Acked).Should().BeFalse("b does not hold the claim");
        session.RecordDisconnect("a", DisconnectOutcome.TimedOut).Should().BeTrue();

        session.TryClaimDisconnect("b", lease, _clock.GetUtcNow()).Should().BeTrue("a timed-out disconnect may be tried again");
        session.RecordDisconnect("b", DisconnectOutcome.Nakked(503)).Should().BeTrue();
        session.DisconnectState.Should().Be(DisconnectState.Nakked);
        session.DisconnectErrorCause.Should().Be(503u);
        session.DisconnectAttempts.Should().Be(2);
        session.TryClaimDisconnect("c", lease, _clock.GetUtcNow()).Should().BeFalse("a NAK is an answer, not a reason to resend");
    }

    [Fact]
    public void ClaimDisconnect_ExpiredLease_CanBeTakenOver()
    {
        var (session, _) = AccountingSession.Open(Record(AccountingEvent.Start), _clock.GetUtcNow());
        session.TryClaimDisconnect("a", _clock.GetUtcNow().AddSeconds(30), _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromSeconds(31));

        session.TryClaimDisconnect("b", _clock.GetUtcNow().AddSeconds(30), _clock.GetUtcNow()).Should().BeTrue("instance a died holding it");
    }

    private static AccountingRecord Record(AccountingEvent kind, long seconds = 0, long input = 0, long output = 0, string? cause = null) =>
        new("rtr_a", "80100014", kind, "7K3M9P2QXZ",
            VoucherCode: "7K3M9P2QXZ",
            FramedIpAddress: IPAddress.Parse("10.5.88.2"),
            NasIpAddress: IPAddress.Parse("10.0.0.1"),
            NasIdentifier: "KhwanrichaiHome",
            SessionSeconds: seconds,
            InputBytes: input,
            OutputBytes: output,
            TerminateCause: cause);
}
