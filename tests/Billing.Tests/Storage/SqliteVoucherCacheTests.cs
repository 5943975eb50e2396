using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Sqlite;
using WifiBilling.Billing.Tests.Domain;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>
/// The SQLite store's in-memory voucher cache (logins read from it): every kind of voucher write — revoke, top-up,
/// expiry, accounting usage, activation and device binding, minting — is seen by the next login, a write that was
/// rolled back is not, and readers racing writers never leave an older row in the cache than the database holds.
/// </summary>
public sealed class SqliteVoucherCacheTests : IAsyncLifetime
{
    private static readonly MacAddress Phone = MacAddress.Parse("BC:24:11:EB:56:4D");
    private static readonly MacAddress Laptop = MacAddress.Parse("30:39:26:86:CC:EA");

    private readonly FakeTimeProvider _clock = new(TestPlans.Start);
    private readonly string _folder = SqliteBackend.NewFolder();
    private BillingStores _stores = null!;

    private IVoucherStore Vouchers => _stores.Vouchers;

    private SqliteDatabase Database => _stores.Services.GetRequiredService<SqliteDatabase>();

    public async Task InitializeAsync() => _stores = await OpenAsync(cacheSize: null);

    public async Task DisposeAsync()
    {
        await _stores.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ALogin_IsServedFromTheCache_AfterTheFirstRead()
    {
        var voucher = await CreateVoucherAsync();
        await AdmitAsync(voucher, Phone);
        Database.Vouchers.Count.Should().Be(1, "the activation published the voucher");

        (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue();
        Database.Vouchers.TryGet(voucher.Code.Value, out var cached).Should().BeTrue();
        cached!.Status.Should().Be(VoucherStatus.Active);
        cached.BoundMacs.Should().Equal(Phone);
    }

    [Fact]
    public async Task Revoke_IsSeenByTheNextLogin()
    {
        var voucher = await CreateVoucherAsync();
        (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue();

        await Vouchers.RevokeAsync(voucher.Code.Value, default);

        (await AdmitAsync(voucher, Phone)).Refusal.Should().Be(LoginRefusal.Revoked);
        (await Vouchers.FindAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Revoked);
    }

    [Fact]
    public async Task TopUp_IsSeenByTheNextLogin()
    {
        var voucher = await CreateVoucherAsync();
        await AdmitAsync(voucher, Phone);
        _clock.Advance(TimeSpan.FromMinutes(50));
        (await AdmitAsync(voucher, Phone)).Voucher!.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(10));

        await Vouchers.ExtendAsync(voucher.Code.Value, TimeSpan.FromHours(1), default);

        (await AdmitAsync(voucher, Phone)).Voucher!.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(70));
        (await Vouchers.FindAsync(voucher.Code.Value, default))!.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(70));
    }

    [Fact]
    public async Task Expiry_IsSeenByTheNextLookup()
    {
        var voucher = await CreateVoucherAsync();
        await AdmitAsync(voucher, Phone);
        _clock.Advance(TimeSpan.FromHours(2));

        await Vouchers.ExpireIfDueAsync(voucher.Code.Value, default);

        (await Vouchers.FindAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Expired);
        (await AdmitAsync(voucher, Phone)).Refusal.Should().Be(LoginRefusal.Expired);
    }

    [Fact]
    public async Task AccountingUsage_IsSeenByTheNextLogin_SoAUsedUpDataCapIsRefused()
    {
        var voucher = await CreateVoucherAsync(dataCapBytes: 1_000_000);
        await AdmitAsync(voucher, Phone);
        var start = new AccountingRecord("rtr_a", "80100001", AccountingEvent.Start, voucher.Code.Value, voucher.Code.Value, Phone);
        await _stores.Sessions.RecordAccountingAsync(start, default);

        await _stores.Sessions.RecordAccountingAsync(
            start with { Event = AccountingEvent.InterimUpdate, SessionSeconds = 60, InputBytes = 400_000, OutputBytes = 700_000 }, default);

        (await AdmitAsync(voucher, Phone)).Refusal.Should().Be(LoginRefusal.DataExhausted);
        (await Vouchers.FindAsync(voucher.Code.Value, default))!.UsedBytes.Should().Be(1_100_000);
    }

    [Fact]
    public async Task ADeviceBoundByOneLogin_CountsAgainstTheDeviceLimitOfTheNext()
    {
        var voucher = await CreateVoucherAsync();
        (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue();

        (await AdmitAsync(voucher, Laptop)).Refusal.Should().Be(LoginRefusal.DeviceLimitReached);
        (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue();
    }

    [Fact]
    public async Task ADeviceBoundToAnActiveVoucher_IsSeenByTheNextLookup()
    {
        var voucher = await CreateVoucherAsync(deviceLimit: 2);
        (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue();
        (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue("a re-login, decided on the cached row");

        (await AdmitAsync(voucher, Laptop)).Admitted.Should().BeTrue();

        (await Vouchers.FindAsync(voucher.Code.Value, default))!.BoundMacs.Should().BeEquivalentTo([Phone, Laptop]);
        (await AdmitAsync(voucher, MacAddress.Parse("02:00:00:00:00:03"))).Refusal.Should().Be(LoginRefusal.DeviceLimitReached);
    }

    [Fact]
    public async Task AVoucherMintedByAPayment_IsFoundAtOnce()
    {
        var plan = await CreatePlanAsync();
        var payment = await _stores.Payments.CreateAsync(
            Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse("0712345678"), "rtr_a", Phone, "10.5.50.2"), _clock.GetUtcNow()), default);
        await _stores.Payments.AttachCheckoutAsync(payment.Id, "ws_CO_1", "29115-34620561-1", _clock.GetUtcNow().AddSeconds(45), default);
        await _stores.Payments.RecordCallbackAsync("ws_CO_1", PaymentOutcome.Paid("0", "The service request is processed successfully.", "NLJ7RT61SV", 20), "{}", default);

        var minted = await _stores.Payments.MintVoucherAsync(payment.Id, default);

        (await AdmitAsync(minted!, Phone)).Admitted.Should().BeTrue("the paying device was bound when the voucher was minted");
    }

    [Fact]
    public async Task AWriteRolledBackWithItsSavepoint_IsNotPublished()
    {
        var voucher = await CreateVoucherAsync();
        await AdmitAsync(voucher, Phone);

        var failing = () => Database.WriteAsync<Voucher?>(
            db =>
            {
                SqliteVoucherTable.Mutate(db, voucher.Code.Value, v => v.Revoke(_clock.GetUtcNow()));
                throw new InvalidOperationException("a later step of the same write failed");
            },
            default);

        await failing.Should().ThrowAsync<InvalidOperationException>();
        (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue("the revoke never committed");
        Database.Read(db => SqliteVoucherTable.Find(db, voucher.Code.Value))!.Status.Should().Be(VoucherStatus.Active);
    }

    [Fact]
    public async Task InOneBatch_OnlyTheWriteRolledBackIsWithheld_ItsNeighboursArePublished()
    {
        var first = await CreateVoucherAsync();
        var failing = await CreateVoucherAsync();
        var last = await CreateVoucherAsync();
        foreach (var voucher in new[] { first, failing, last })
        {
            (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue();
        }

        // Three writes queued behind a held writer commit as one batch; the middle one rolls back to its savepoint.
        await using var writer = await HoldTheWriterAsync();
        var revokeFirst = Vouchers.RevokeAsync(first.Code.Value, default);
        var revokeThenFail = Database.WriteAsync<Voucher?>(
            db =>
            {
                SqliteVoucherTable.Mutate(db, failing.Code.Value, v => v.Revoke(_clock.GetUtcNow()));
                throw new InvalidOperationException("a later step of the same write failed");
            },
            default);
        var revokeLast = Vouchers.RevokeAsync(last.Code.Value, default);
        writer.Release();

        await revokeFirst;
        await revokeLast;
        await ((Func<Task>)(() => revokeThenFail)).Should().ThrowAsync<InvalidOperationException>();
        (await AdmitAsync(first, Phone)).Refusal.Should().Be(LoginRefusal.Revoked);
        (await AdmitAsync(failing, Phone)).Admitted.Should().BeTrue("its revoke was rolled back with its savepoint");
        (await AdmitAsync(last, Phone)).Refusal.Should().Be(LoginRefusal.Revoked);
    }

    [Fact]
    public async Task ABatchThatFailsAsAWhole_PublishesNothing_NotEvenItsGoodWrites()
    {
        var good = await CreateVoucherAsync();
        var broken = await CreateVoucherAsync();
        (await AdmitAsync(good, Phone)).Admitted.Should().BeTrue();
        (await AdmitAsync(broken, Phone)).Admitted.Should().BeTrue();

        await using var writer = await HoldTheWriterAsync();
        var revokeGood = Vouchers.RevokeAsync(good.Code.Value, default);
        var breakTheBatch = Database.WriteAsync<Voucher?>(
            db =>
            {
                SqliteVoucherTable.Mutate(db, broken.Code.Value, v => v.Revoke(_clock.GetUtcNow()));

                // Releasing its own savepoint leaves the writer nothing to roll back to: the whole batch is abandoned.
                db.Execute("RELEASE operation");
                throw new InvalidOperationException("a write that corrupts the batch");
            },
            default);
        writer.Release();

        await ((Func<Task>)(() => revokeGood)).Should().ThrowAsync<Exception>("its batch was rolled back");
        await ((Func<Task>)(() => breakTheBatch)).Should().ThrowAsync<Exception>();
        foreach (var voucher in new[] { good, broken })
        {
            Database.Read(db => SqliteVoucherTable.Find(db, voucher.Code.Value))!.Status.Should().Be(VoucherStatus.Active);
            (await AdmitAsync(voucher, Phone)).Admitted.Should().BeTrue("nothing of the failed batch was committed");
        }

        await Vouchers.RevokeAsync(good.Code.Value, default);
        (await AdmitAsync(good, Phone)).Refusal.Should().Be(LoginRefusal.Revoked, "the next batch publishes normally");
    }

    [Fact]
    public async Task AFullCache_StartsOver_AndStillServesWhatWasCommitted()
    {
        await _stores.DisposeAsync();
        _stores = await OpenAsync(cacheSize: 3);
        var vouchers = new List<Voucher>();
        for (var i = 0; i < 8; i++)
        {
            vouchers.Add(await CreateVoucherAsync());
            await AdmitAsync(vouchers[^1], Phone);
        }

        await Vouchers.RevokeAsync(vouchers[1].Code.Value, default);

        Database.Vouchers.Count.Should().BeLessThanOrEqualTo(3);
        (await AdmitAsync(vouchers[1], Phone)).Refusal.Should().Be(LoginRefusal.Revoked);
        (await AdmitAsync(vouchers[6], Phone)).Admitted.Should().BeTrue();
    }

    [Fact]
    public async Task ReadersRacingWriters_NeverLeaveAnOlderRowInTheCache()
    {
        await _stores.DisposeAsync();
        _stores = await OpenAsync(cacheSize: 4);
        var vouchers = new List<Voucher>();
        for (var i = 0; i < 6; i++)
        {
            vouchers.Add(await CreateVoucherAsync());
        }

        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            var n = r;
            while (!stop.IsCancellationRequested)
            {
                // Logins that read, miss, offer (and overflow the small cache now and then) while top-ups commit.
                await Vouchers.FindAsync(vouchers[n++ % vouchers.Count].Code.Value, default);
            }
        })).ToList();

        var writes = Enumerable.Range(0, 300).Select(i => Vouchers.ExtendAsync(vouchers[i % vouchers.Count].Code.Value, TimeSpan.FromMinutes(1), default));
        await Task.WhenAll(writes);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        foreach (var voucher in vouchers)
        {
            var stored = Database.Read(db => SqliteVoucherTable.Find(db, voucher.Code.Value))!;
            stored.ExtraTime.Should().Be(TimeSpan.FromMinutes(50));
            (await Vouchers.FindAsync(voucher.Code.Value, default))!.ExtraTime.Should().Be(stored.ExtraTime, "the cache holds the last committed row");
        }
    }

    [Fact]
    public void AReaderOfferingARowOlderThanOnePublished_CannotPutItBack()
    {
        var cache = new SqliteVoucherCache(capacity: 10);
        var voucher = Voucher.Create(VoucherCode.Parse("K7M2Q9DX"), new VoucherIssue(TestPlans.Validity(), VoucherSource.Admin), TestPlans.Start);
        var readBeforeTheTopUp = SqliteVoucherCache.Copy(voucher);
        var generation = cache.Generation;
        voucher.Extend(TimeSpan.FromHours(1), TestPlans.Start);

        cache.Publish([SqliteVoucherCache.Copy(voucher)]);
        cache.Offer(readBeforeTheTopUp, generation);

        cache.TryGet(voucher.Code.Value, out var cached).Should().BeTrue();
        cached!.ExtraTime.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void APublishedRow_ReplacesAnOlderOfferedOne()
    {
        var cache = new SqliteVoucherCache(capacity: 10);
        var voucher = Voucher.Create(VoucherCode.Parse("K7M2Q9DX"), new VoucherIssue(TestPlans.Validity(), VoucherSource.Admin), TestPlans.Start);
        cache.Offer(SqliteVoucherCache.Copy(voucher), cache.Generation);
        voucher.Revoke(TestPlans.Start);

        cache.Publish([SqliteVoucherCache.Copy(voucher)]);

        cache.TryGet(voucher.Code.Value, out var cached).Should().BeTrue();
        cached!.Status.Should().Be(VoucherStatus.Revoked);
    }

    [Fact]
    public void ARowReadBeforeTheCacheWasEmptied_IsNotKept()
    {
        var cache = new SqliteVoucherCache(capacity: 2);
        var issue = new VoucherIssue(TestPlans.Validity(), VoucherSource.Admin);
        var voucher = Voucher.Create(VoucherCode.Parse("K7M2Q9DX"), issue, TestPlans.Start);
        var readEarlier = SqliteVoucherCache.Copy(voucher);
        var generation = cache.Generation;
        voucher.Revoke(TestPlans.Start);

        // The revoke is published, then the cache overflows and starts over, losing it; the early reader comes last.
        cache.Publish([SqliteVoucherCache.Copy(voucher)]);
        cache.Publish([.. new[] { "A7M2Q9DX", "B7M2Q9DX" }.Select(code => Voucher.Create(VoucherCode.Parse(code), issue, TestPlans.Start))]);
        cache.Offer(readEarlier, generation);

        cache.TryGet(voucher.Code.Value, out _).Should().BeFalse("a row read before the cache started over may predate a write it lost");
    }

    [Fact]
    public async Task CallersGetCopies_SoADecisionInMemoryDoesNotChangeTheCache()
    {
        var voucher = await CreateVoucherAsync();
        await AdmitAsync(voucher, Phone);

        var copy = await Vouchers.FindAsync(voucher.Code.Value, default);
        copy!.Revoke(_clock.GetUtcNow());

        (await Vouchers.FindAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Active);
    }

    /// <summary>Blocks the single writer inside a write until released, so writes queued meanwhile share one batch.</summary>
    private async Task<HeldWriter> HoldTheWriterAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new ManualResetEventSlim();
        var write = Database.WriteAsync(
            _ =>
            {
                started.SetResult();
                return gate.Wait(TimeSpan.FromSeconds(30));
            },
            default);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return new HeldWriter(gate, write);
    }

    [Fact]
    public async Task VouchersOfOnePlan_ReadFromTheFile_ShareOneSnapshotOfItsTerms()
    {
        await _stores.DisposeAsync();
        _stores = await OpenAsync(cacheSize: 0); // every read goes to SQLite
        var plan = await CreatePlanAsync();
        var other = await _stores.Plans.CreateAsync(new PlanDefinition("4 Hours", 50, TimeSpan.FromHours(4), PlanMode.Validity, "2M/5M", null, 1), default);
        var first = await Vouchers.CreateAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Admin), default);
        var second = await Vouchers.CreateAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Admin), default);
        var third = await Vouchers.CreateAsync(new VoucherIssue(other.Snapshot(), VoucherSource.Admin), default);

        var a = (await Vouchers.FindAsync(first.Code.Value, default))!;
        var b = (await Vouchers.FindAsync(second.Code.Value, default))!;
        var c = (await Vouchers.FindAsync(third.Code.Value, default))!;

        a.Plan.Should().BeSameAs(b.Plan, "100,000 vouchers of one plan hold one copy of its terms, not 100,000");
        a.Plan.Should().NotBeSameAs(c.Plan);
        c.Plan.Name.Should().Be("4 Hours");
        c.Plan.Duration.Should().Be(TimeSpan.FromHours(4));
    }

    private Task<BillingStores> OpenAsync(int? cacheSize)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(_folder, "billing.db") };
        if (cacheSize is { } size)
        {
            settings["Storage:Sqlite:VoucherCacheSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return BillingStores.CreateAsync(settings, _clock, codes: null, () => ValueTask.CompletedTask);
    }

    private Task<Plan> CreatePlanAsync(long? dataCapBytes = null, int deviceLimit = 1) =>
        _stores.Plans.CreateAsync(new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), PlanMode.Validity, "2M/5M", dataCapBytes, deviceLimit), default);

    private async Task<Voucher> CreateVoucherAsync(long? dataCapBytes = null, int deviceLimit = 1)
    {
        var plan = await CreatePlanAsync(dataCapBytes, deviceLimit);
        return await Vouchers.CreateAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Admin), default);
    }

    private Task<LoginAdmission> AdmitAsync(Voucher voucher, MacAddress mac) =>
        Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, mac, "rtr_a"), default);

    private sealed class HeldWriter(ManualResetEventSlim gate, Task<bool> write) : IAsyncDisposable
    {
        public void Release() => gate.Set();

        public async ValueTask DisposeAsync()
        {
            gate.Set();
            (await write).Should().BeTrue("the writer was released before the holding write gave up");
            gate.Dispose();
        }
    }
}
