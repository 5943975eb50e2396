using System.Net;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>Accounting sessions and the voucher usage they charge, the same on every backend.</summary>
public abstract class SessionStoreContract<TBackend> : StoreContract<TBackend>
    where TBackend : IStoreBackend, new()
{
    [SkippableFact]
    public async Task StartInterimStop_RecordsTheSession_AndChargesTheVoucher()
    {
        var voucher = await CreateVoucherAsync(UptimeMode(), dataCapBytes: 20_000_000_000);

        var start = await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start), default);
        start.Session.IsOpen.Should().BeTrue();
        start.Added.IsZero.Should().BeTrue();

        Clock.Advance(TimeSpan.FromMinutes(5));
        // 1 gigaword + 100 octets up, 2 gigawords down: counters above 4 GiB.
        var interim = await Stores.Sessions.RecordAccountingAsync(
            Record(voucher, AccountingEvent.InterimUpdate, 300, OctetCounter.Combine(100, 1), OctetCounter.Combine(0, 2)), default);
        interim.Added.Should().Be(new UsageDelta(300, 3 * 4_294_967_296L + 100));
        interim.Voucher!.UsedBytes.Should().Be(3 * 4_294_967_296L + 100);
        interim.Voucher.RemainingBytes.Should().Be(20_000_000_000 - (3 * 4_294_967_296L + 100));

        Clock.Advance(TimeSpan.FromMinutes(5));
        var stop = await Stores.Sessions.RecordAccountingAsync(
            Record(voucher, AccountingEvent.Stop, 600, OctetCounter.Combine(100, 1), OctetCounter.Combine(500, 2), "User-Request"), default);
        stop.Added.Should().Be(new UsageDelta(300, 500));
        stop.Session.IsOpen.Should().BeFalse();

        var stored = await Stores.Sessions.FindByAcctSessionIdAsync("rtr_a", "80100014", default);
        stored!.Id.Should().Be(start.Session.Id);
        stored.StoppedAt.Should().Be(Clock.GetUtcNow());
        stored.TerminateCause.Should().Be("User-Request");
        stored.SessionSeconds.Should().Be(600);
        stored.InputBytes.Should().Be(4_294_967_396);
        stored.OutputBytes.Should().Be(8_589_935_092);
        stored.NasIpAddress.Should().Be(IPAddress.Parse("10.0.0.1"));
        stored.NasIdentifier.Should().Be("KhwanrichaiHome");
        stored.FramedIpAddress.Should().Be(IPAddress.Parse("10.5.88.2"));
        stored.Mac.Should().Be(PhoneMac);
        stored.Class.Should().Be("class-1");
        stored.StartedAt.Should().Be(Domain.TestPlans.Start);

        var charged = await Stores.Vouchers.FindAsync(voucher.Code.Value, default);
        charged!.UsedSeconds.Should().Be(600);
        charged.UsedBytes.Should().Be(stored.TotalBytes);
    }

    [SkippableFact]
    public async Task Retransmitted_AndReorderedRecords_NeverChargeTwiceOrRollBack()
    {
        var voucher = await CreateVoucherAsync(UptimeMode());
        var interim2 = Record(voucher, AccountingEvent.InterimUpdate, 600, 2_000, 9_000);
        var interim1 = Record(voucher, AccountingEvent.InterimUpdate, 300, 1_000, 4_000);

        await Stores.Sessions.RecordAccountingAsync(interim2, default); // Start lost: the interim opens the session
        await Stores.Sessions.RecordAccountingAsync(interim2, default); // retransmission
        await Stores.Sessions.RecordAccountingAsync(interim1, default); // late, older
        var late = await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start), default);

        late.Session.SessionSeconds.Should().Be(600);
        late.Session.InputBytes.Should().Be(2_000);
        late.Session.OutputBytes.Should().Be(9_000);
        late.Session.IsOpen.Should().BeTrue();
        var charged = await Stores.Vouchers.FindAsync(voucher.Code.Value, default);
        charged!.UsedSeconds.Should().Be(600);
        charged.UsedBytes.Should().Be(11_000);
    }

    [SkippableFact]
    public async Task ReusedAcctSessionId_AfterTheOldSessionClosed_OpensANewSession_AndKeepsTheOldOneAside()
    {
        // RouterOS' boot symbol has 16 values: after 16 reboots the same Acct-Session-Id names a new session.
        var voucher = await CreateVoucherAsync(UptimeMode());
        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start), default);
        Clock.Advance(TimeSpan.FromMinutes(10));
        var first = await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Stop, 600, 1_000, 2_000, "User-Request"), default);
        var closedAt = Clock.GetUtcNow();

        // A late interim of the first session (it happened before the Stop) still merges into it.
        var late = await Stores.Sessions.RecordAccountingAsync(
            Record(voucher, AccountingEvent.InterimUpdate, 300, 500, 900) with { EventTime = closedAt - TimeSpan.FromMinutes(5) }, default);
        late.Session.Id.Should().Be(first.Session.Id);
        late.Added.IsZero.Should().BeTrue();

        Clock.Advance(TimeSpan.FromDays(3));
        var start = await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start), default);
        start.Session.IsOpen.Should().BeTrue("a Start after the old session closed is a new session, not a merge into a closed one");
        start.Session.Id.Should().Be(first.Session.Id, "the router's id names the new session");
        start.Session.SessionSeconds.Should().Be(0);
        start.Session.StartedAt.Should().Be(Clock.GetUtcNow());

        Clock.Advance(TimeSpan.FromMinutes(2));
        var interim = await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.InterimUpdate, 120, 100, 200), default);
        interim.Added.Should().Be(new UsageDelta(120, 300), "the new session's usage is charged from zero");
        interim.Voucher!.UsedSeconds.Should().Be(720);
        interim.Voucher.UsedBytes.Should().Be(3_300);
        (await Stores.Sessions.ListOpenAsync(null, "rtr_a", default)).Should().ContainSingle().Which.SessionSeconds.Should().Be(120);

        var archived = await Stores.Sessions.FindByAcctSessionIdAsync("rtr_a", "80100014~" + closedAt.ToUnixTimeSeconds(), default);
        archived.Should().NotBeNull("the old session's history is kept under an archive id");
        archived!.SessionSeconds.Should().Be(600);
        archived.StoppedAt.Should().Be(closedAt);
        archived.TerminateCause.Should().Be("User-Request");
        archived.VoucherCode.Should().Be(voucher.Code.Value);

        (await Stores.Sessions.ListClosedAsync(voucher.Code.Value, "rtr_a", 10, default)).Should().ContainSingle()
            .Which.AcctSessionId.Should().Be(archived.AcctSessionId, "closed sessions, archived ones included, are listed");

        // A retransmitted Start of the new session changes nothing.
        var again = await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start), default);
        again.Session.SessionSeconds.Should().Be(120);
        (await Stores.Vouchers.FindAsync(voucher.Code.Value, default))!.UsedSeconds.Should().Be(720);
    }

    [SkippableFact]
    public async Task ListClosed_NewestCloseFirst_FilteredByVoucherAndRouter_UpToTheLimit()
    {
        var voucher = await CreateVoucherAsync(UptimeMode());
        var other = await CreateVoucherAsync(UptimeMode());
        foreach (var (v, acct) in new[] { (voucher, "80100001"), (other, "80100002"), (voucher, "80100003") })
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Stores.Sessions.RecordAccountingAsync(Record(v, AccountingEvent.Stop, 30, 1, 1, "User-Request", acct), default);
        }

        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start, acctSessionId: "80100004"), default);

        (await Stores.Sessions.ListClosedAsync(null, null, 10, default)).Select(s => s.AcctSessionId)
            .Should().Equal("80100003", "80100002", "80100001");
        (await Stores.Sessions.ListClosedAsync(voucher.Code.Value.ToLowerInvariant(), null, 10, default)).Select(s => s.AcctSessionId)
            .Should().Equal("80100003", "80100001");
        (await Stores.Sessions.ListClosedAsync(null, "rtr_a", 2, default)).Should().HaveCount(2);
        (await Stores.Sessions.ListClosedAsync(null, "rtr_other", 10, default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task AnInterimThatOnlyMovesCounters_AndOneThatFillsInAnAddress_AreBothStored()
    {
        var voucher = await CreateVoucherAsync(UptimeMode());
        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start) with { FramedIpAddress = null }, default);

        Clock.Advance(TimeSpan.FromMinutes(5));
        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.InterimUpdate, 300, 10, 20) with { FramedIpAddress = null }, default);
        var countersOnly = await Stores.Sessions.FindByAcctSessionIdAsync("rtr_a", "80100014", default);
        (countersOnly!.SessionSeconds, countersOnly.InputBytes, countersOnly.OutputBytes, countersOnly.UpdatedAt)
            .Should().Be((300L, 10L, 20L, Clock.GetUtcNow()));
        countersOnly.FramedIpAddress.Should().BeNull();

        Clock.Advance(TimeSpan.FromMinutes(5));
        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.InterimUpdate, 600, 30, 40), default);
        var filledIn = await Stores.Sessions.FindByAcctSessionIdAsync("rtr_a", "80100014", default);
        filledIn!.FramedIpAddress.Should().Be(IPAddress.Parse("10.5.88.2"), "an address learned later is kept");
        (filledIn.SessionSeconds, filledIn.TotalBytes).Should().Be((600L, 70L));
        (await Stores.Sessions.ListOpenAsync(voucher.Code.Value, null, default)).Should().ContainSingle("the voucher index still finds the session");
        var charged = await Stores.Vouchers.FindAsync(voucher.Code.Value, default);
        (charged!.UsedSeconds, charged.UsedBytes).Should().Be((600L, 70L));
    }

    [SkippableFact]
    public async Task StopWithoutStart_CreatesAClosedSession()
    {
        var voucher = await CreateVoucherAsync(UptimeMode());
        Clock.Advance(TimeSpan.FromSeconds(5));

        var result = await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Stop, 5, 56, 56, "User-Request"), default);

        result.Session.IsOpen.Should().BeFalse();
        result.Session.StartedAt.Should().Be(Domain.TestPlans.Start);
        (await Stores.Sessions.ListOpenAsync(null, null, default)).Should().BeEmpty();
        (await Stores.Vouchers.FindAsync(voucher.Code.Value, default))!.UsedBytes.Should().Be(112);
    }

    [SkippableFact]
    public async Task ParallelStartInterimStop_ForOneSession_EndWithTheLatestCountersCountedOnce()
    {
        var voucher = await CreateVoucherAsync(UptimeMode());
        var records = new List<AccountingRecord> { Record(voucher, AccountingEvent.Start) };
        for (var i = 1; i <= 10; i++)
        {
            records.Add(Record(voucher, AccountingEvent.InterimUpdate, i * 60, i * 1_000, i * 10_000));
        }

        records.Add(Record(voucher, AccountingEvent.Stop, 660, 11_000, 110_000, "Session-Timeout"));
        // Every record three times (RouterOS retransmits), all at once, in a scrambled order.
        var burst = records.Concat(records).Concat(records).OrderBy(_ => Random.Shared.Next()).ToList();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = burst.Select(r => Task.Run(async () =>
        {
            await start.Task;
            return await Stores.Sessions.RecordAccountingAsync(r, default);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(writes);

        results.Select(r => r.Session.Id).Distinct().Should().ContainSingle();
        results.Sum(r => r.Added.Seconds).Should().Be(660, "the growth is handed out exactly once");
        results.Sum(r => r.Added.Bytes).Should().Be(121_000);
        var session = await Stores.Sessions.FindByAcctSessionIdAsync("rtr_a", "80100014", default);
        session!.SessionSeconds.Should().Be(660);
        session.InputBytes.Should().Be(11_000);
        session.OutputBytes.Should().Be(110_000);
        session.IsOpen.Should().BeFalse();
        var charged = await Stores.Vouchers.FindAsync(voucher.Code.Value, default);
        charged!.UsedSeconds.Should().Be(660);
        charged.UsedBytes.Should().Be(121_000);
    }

    [SkippableFact]
    public async Task CloseRouterAndStaleSessions_CloseOnlyWhatTheyShould()
    {
        var voucher = await CreateVoucherAsync(UptimeMode(), deviceLimit: 3);
        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start, acctSessionId: "80100001"), default);
        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start, acctSessionId: "80100002") with { RouterId = "rtr_b" }, default);
        Clock.Advance(TimeSpan.FromMinutes(20));
        await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start, acctSessionId: "80100003") with { RouterId = "rtr_b" }, default);

        (await Stores.Sessions.ListOpenAsync(voucher.Code.Value.ToLowerInvariant(), null, default)).Should().HaveCount(3);
        (await Stores.Sessions.ListOpenAsync(null, "rtr_b", default)).Should().HaveCount(2);

        var rebooted = await Stores.Sessions.CloseRouterSessionsAsync("rtr_a", "NAS-Reboot", default);
        rebooted.Select(s => s.AcctSessionId).Should().Equal("80100001");
        rebooted[0].TerminateCause.Should().Be("NAS-Reboot");

        var stale = await Stores.Sessions.CloseStaleAsync(Clock.GetUtcNow().AddMinutes(-15), "Lost-Service", 10, default);
        stale.Select(s => s.AcctSessionId).Should().Equal("80100002");

        (await Stores.Sessions.ListOpenAsync(null, null, default)).Select(s => s.AcctSessionId).Should().Equal("80100003");
        var closed = await Stores.Sessions.CloseAsync(BillingIds.SessionId("rtr_b", "80100003"), "Admin-Reset", default);
        closed!.IsOpen.Should().BeFalse();
        (await Stores.Sessions.CloseAsync(closed.Id, "Other", default))!.TerminateCause.Should().Be("Admin-Reset");
        (await Stores.Sessions.ListOpenAsync(null, null, default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task ClaimDisconnect_ManyInstancesAtOnce_OnlyOneSends()
    {
        var voucher = await CreateVoucherAsync(UptimeMode());
        var session = (await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start), default)).Session;

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Stores.Sessions.ClaimDisconnectAsync(session.Id, $"instance-{i}", TimeSpan.FromSeconds(30), default))));

        var winner = claims.Where(c => c is not null).Should().ContainSingle().Subject!;
        winner.DisconnectState.Should().Be(DisconnectState.Requested);
        var owner = winner.DisconnectOwner!;
        (await Stores.Sessions.RecordDisconnectAsync(session.Id, "someone-else", DisconnectOutcome.Acked, default)).Should().BeNull();
        (await Stores.Sessions.RecordDisconnectAsync(session.Id, owner, DisconnectOutcome.TimedOut, default))!.DisconnectState.Should().Be(DisconnectState.TimedOut);

        var retry = await Stores.Sessions.ClaimDisconnectAsync(session.Id, "instance-x", TimeSpan.FromSeconds(30), default);
        retry!.DisconnectAttempts.Should().Be(2);
        var nak = await Stores.Sessions.RecordDisconnectAsync(session.Id, "instance-x", DisconnectOutcome.Nakked(503), default);
        nak!.DisconnectState.Should().Be(DisconnectState.Nakked);
        nak.DisconnectErrorCause.Should().Be(503u);
        (await Stores.Sessions.FindAsync(session.Id, default))!.DisconnectErrorCause.Should().Be(503u);
        (await Stores.Sessions.ClaimDisconnectAsync("ses_unknown", "instance-x", TimeSpan.FromSeconds(30), default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task ClaimDisconnect_LeaseOfADeadInstance_RunsOut()
    {
        var voucher = await CreateVoucherAsync(UptimeMode());
        var session = (await Stores.Sessions.RecordAccountingAsync(Record(voucher, AccountingEvent.Start), default)).Session;
        (await Stores.Sessions.ClaimDisconnectAsync(session.Id, "dead", TimeSpan.FromSeconds(30), default)).Should().NotBeNull();
        (await Stores.Sessions.ClaimDisconnectAsync(session.Id, "alive", TimeSpan.FromSeconds(30), default)).Should().BeNull();

        Clock.Advance(TimeSpan.FromSeconds(31));

        (await Stores.Sessions.ClaimDisconnectAsync(session.Id, "alive", TimeSpan.FromSeconds(30), default))!.DisconnectOwner.Should().Be("alive");
    }

    private static PlanMode UptimeMode() => PlanMode.Uptime;

    private static AccountingRecord Record(
        Voucher voucher,
        AccountingEvent kind,
        long seconds = 0,
        long input = 0,
        long output = 0,
        string? cause = null,
        string acctSessionId = "80100014") =>
        new("rtr_a", acctSessionId, kind, voucher.Code.Value,
            VoucherCode: voucher.Code.Value,
            Mac: PhoneMac,
            FramedIpAddress: IPAddress.Parse("10.5.88.2"),
            NasIpAddress: IPAddress.Parse("10.0.0.1"),
            NasIdentifier: "KhwanrichaiHome",
            Class: "class-1",
            SessionSeconds: seconds,
            InputBytes: input,
            OutputBytes: output,
            TerminateCause: cause);
}
