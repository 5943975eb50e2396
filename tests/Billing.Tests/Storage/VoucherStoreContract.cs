using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>Vouchers: lookups, filters, and the atomic login admission, the same on every backend.</summary>
public abstract class VoucherStoreContract<TBackend> : StoreContract<TBackend>
    where TBackend : IStoreBackend, new()
{
    [SkippableFact]
    public async Task Create_ThenFindAsTyped_ReturnsTheSameVoucher()
    {
        var voucher = await CreateVoucherAsync();
        var typed = voucher.Code.Value.ToLowerInvariant().Insert(5, "-").Replace('0', 'o').Replace('1', 'l');

        var found = await Stores.Vouchers.FindAsync(typed, default);

        found.Should().NotBeNull();
        found!.Code.Should().Be(voucher.Code);
        found.Status.Should().Be(VoucherStatus.Unused);
        found.Source.Should().Be(VoucherSource.Admin);
        found.Plan.Should().Be(voucher.Plan);
        found.CreatedAt.Should().Be(Clock.GetUtcNow());
        (await Stores.Vouchers.FindAsync("NOT-A-CODE!", default)).Should().BeNull();
        (await Stores.Vouchers.FindAsync("ZZZZZZZZZZ", default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task CreateMany_MintsUniqueCodesInOneBatch_ListableByBatchWithPaging()
    {
        var plan = await CreatePlanAsync();
        var batchId = BillingIds.NewBatchId();

        var vouchers = await Stores.Vouchers.CreateManyAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Batch, batchId, Note: "Hostel block B"), 300, default);

        vouchers.Select(v => v.Code.Value).Should().OnlyHaveUniqueItems().And.HaveCount(300);
        var first = await Stores.Vouchers.ListAsync(new VoucherQuery(BatchId: batchId, Limit: 100), default);
        var last = await Stores.Vouchers.ListAsync(new VoucherQuery(BatchId: batchId, Offset: 250, Limit: 100), default);
        first.Total.Should().Be(300);
        first.Items.Should().HaveCount(100);
        last.Items.Should().HaveCount(50);
        first.Items.Concat(last.Items).Select(v => v.Code).Should().OnlyHaveUniqueItems();
        first.Items.Should().OnlyContain(v => v.Note == "Hostel block B" && v.Source == VoucherSource.Batch);

        var tooMany = () => Stores.Vouchers.CreateManyAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Batch), 10_001, default);
        (await tooMany.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("count");
    }

    [SkippableFact]
    public async Task List_FiltersByStatusPlanPrefixAndCreationTime()
    {
        var early = await CreateVoucherAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        var active = await CreateVoucherAsync();
        await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(active.Code.Value, PhoneMac, null), default);

        (await Stores.Vouchers.ListAsync(new VoucherQuery(Status: VoucherStatus.Active), default)).Items.Select(v => v.Code).Should().Equal(active.Code);
        (await Stores.Vouchers.ListAsync(new VoucherQuery(PlanId: early.Plan.PlanId), default)).Items.Select(v => v.Code).Should().Equal(early.Code);
        (await Stores.Vouchers.ListAsync(new VoucherQuery(CodePrefix: early.Code.Value[..4].ToLowerInvariant()), default)).Items.Should().Contain(v => v.Code == early.Code);
        (await Stores.Vouchers.ListAsync(new VoucherQuery(CreatedFrom: TestStart.AddMinutes(30)), default)).Items.Select(v => v.Code).Should().Equal(active.Code);
        (await Stores.Vouchers.ListAsync(new VoucherQuery(CreatedTo: TestStart.AddMinutes(30)), default)).Items.Select(v => v.Code).Should().Equal(early.Code);
        var all = await Stores.Vouchers.ListAsync(new VoucherQuery(), default);
        all.Items.Select(v => v.Code).Should().Equal(active.Code, early.Code); // newest first

        var badPrefix = () => Stores.Vouchers.ListAsync(new VoucherQuery(CodePrefix: "AB%"), default);
        (await badPrefix.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("codePrefix");
        var badLimit = () => Stores.Vouchers.ListAsync(new VoucherQuery(Limit: 0), default);
        (await badLimit.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("limit");
    }

    [SkippableFact]
    public async Task AdmitLogin_FirstLoginActivates_ThenTheRulesApply()
    {
        var voucher = await CreateVoucherAsync();
        Clock.Advance(TimeSpan.FromMinutes(10));

        var first = await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value.ToLowerInvariant(), PhoneMac, "rtr_a"), default);
        first.Admitted.Should().BeTrue();
        first.Voucher!.ExpiresAt.Should().Be(Clock.GetUtcNow().AddHours(1));

        var stored = await Stores.Vouchers.FindAsync(voucher.Code.Value, default);
        stored!.Status.Should().Be(VoucherStatus.Active);
        stored.ActivatedAt.Should().Be(Clock.GetUtcNow());
        stored.BoundMacs.Should().Equal(PhoneMac);

        Clock.Advance(TimeSpan.FromMinutes(20));
        var again = await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, PhoneMac, "rtr_a"), default);
        again.Admitted.Should().BeTrue();
        again.Voucher!.RemainingTime(Clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(40));

        (await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, LaptopMac, "rtr_a"), default))
            .Refusal.Should().Be(LoginRefusal.DeviceLimitReached);
        (await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin("ZZZZZZZZZZ", PhoneMac, "rtr_a"), default))
            .Refusal.Should().Be(LoginRefusal.UnknownVoucher);
        (await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin("AA:BB:CC:DD:EE:FF", PhoneMac, "rtr_a"), default))
            .Refusal.Should().Be(LoginRefusal.UnknownVoucher);

        Clock.Advance(TimeSpan.FromMinutes(41));
        (await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, PhoneMac, "rtr_a"), default))
            .Refusal.Should().Be(LoginRefusal.Expired);
    }

    [SkippableFact]
    public async Task AdmitLogin_TwoDevicesAtTheSameInstant_ExactlyOneIsAdmitted()
    {
        // 25 one-device vouchers, each raced by two devices at once: every race has exactly one winner.
        var vouchers = new List<Voucher>();
        for (var i = 0; i < 25; i++)
        {
            vouchers.Add(await CreateVoucherAsync());
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var races = vouchers.Select(v => new[] { PhoneMac, LaptopMac }.Select(async mac =>
        {
            await start.Task;
            return (v.Code, mac, await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(v.Code.Value, mac, null), default));
        })).SelectMany(x => x).ToList();
        start.SetResult();
        var results = await Task.WhenAll(races);

        foreach (var race in results.GroupBy(r => r.Code))
        {
            race.Count(r => r.Item3.Admitted).Should().Be(1, $"voucher {race.Key.Masked} allows one device");
            race.Single(r => !r.Item3.Admitted).Item3.Refusal.Should().Be(LoginRefusal.DeviceLimitReached);
            var winner = race.Single(r => r.Item3.Admitted).mac;
            (await Stores.Vouchers.FindAsync(race.Key.Value, default))!.BoundMacs.Should().Equal(winner);
        }
    }

    [SkippableFact]
    public async Task AdmitLogin_ManyDevicesRacingForATwoDeviceVoucher_BindsExactlyTwo()
    {
        var voucher = await CreateVoucherAsync(deviceLimit: 2);
        var macs = Enumerable.Range(1, 12).Select(i => MacAddress.Parse($"02:00:00:00:00:{i:X2}")).ToList();

        var results = await Task.WhenAll(macs.Select(mac => Task.Run(() => Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, mac, null), default))));

        results.Count(r => r.Admitted).Should().Be(2);
        var stored = await Stores.Vouchers.FindAsync(voucher.Code.Value, default);
        stored!.BoundMacs.Should().HaveCount(2);
        stored.ActivatedAt.Should().Be(Clock.GetUtcNow());
    }

    [SkippableFact]
    public async Task Create_WithADevice_BindsItUnusedSoItCanLogInByMac()
    {
        var plan = await CreatePlanAsync();

        var voucher = await Stores.Vouchers.CreateAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Admin, Device: PhoneMac), default);

        voucher.Status.Should().Be(VoucherStatus.Unused);
        (await Stores.Vouchers.FindAsync(voucher.Code.Value, default))!.BoundMacs.Should().Equal(PhoneMac);
        (await Stores.Vouchers.FindUsableByMacAsync(PhoneMac, default)).Select(v => v.Code).Should().Equal(voucher.Code);
        var batch = () => Stores.Vouchers.CreateManyAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Batch, Device: PhoneMac), 2, default);
        (await batch.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("mac");
    }

    [SkippableFact]
    public async Task FindUsableByMac_FindsBoundVouchersWithTimeLeft()
    {
        var voucher = await CreateVoucherAsync();
        (await Stores.Vouchers.FindUsableByMacAsync(PhoneMac, default)).Should().BeEmpty();
        await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, PhoneMac, null), default);

        (await Stores.Vouchers.FindUsableByMacAsync(PhoneMac, default)).Select(v => v.Code).Should().Equal(voucher.Code);
        (await Stores.Vouchers.FindUsableByMacAsync(LaptopMac, default)).Should().BeEmpty();

        Clock.Advance(TimeSpan.FromHours(2));
        (await Stores.Vouchers.FindUsableByMacAsync(PhoneMac, default)).Should().BeEmpty("its time is over");
    }

    [SkippableFact]
    public async Task RevokeExtendExpireAndUsage_AreStored()
    {
        var voucher = await CreateVoucherAsync(dataCapBytes: 1_000_000);
        await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, PhoneMac, null), default);
        (await Stores.Vouchers.ListActiveAsync(default)).Select(v => v.Code).Should().Equal(voucher.Code);

        var extended = await Stores.Vouchers.ExtendAsync(voucher.Code.Value, TimeSpan.FromMinutes(30), default);
        extended!.ExpiresAt.Should().Be(Clock.GetUtcNow().AddMinutes(90));

        var used = await Stores.Vouchers.AddUsageAsync(voucher.Code.Value, 60, 400_000, default);
        used!.UsedBytes.Should().Be(400_000);
        used.RemainingBytes.Should().Be(600_000);

        Clock.Advance(TimeSpan.FromMinutes(89));
        (await Stores.Vouchers.ExpireIfDueAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Active);
        Clock.Advance(TimeSpan.FromMinutes(1));
        (await Stores.Vouchers.ExpireIfDueAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Expired);
        (await Stores.Vouchers.ListActiveAsync(default)).Should().BeEmpty();

        var revoked = await Stores.Vouchers.RevokeAsync(voucher.Code.Value, default);
        revoked!.Status.Should().Be(VoucherStatus.Revoked);
        revoked.RevokedAt.Should().Be(Clock.GetUtcNow());
        var extendRevoked = () => Stores.Vouchers.ExtendAsync(voucher.Code.Value, TimeSpan.FromMinutes(30), default);
        await extendRevoked.Should().ThrowAsync<BillingConflictException>();

        var stored = await Stores.Vouchers.FindAsync(voucher.Code.Value, default);
        stored!.Status.Should().Be(VoucherStatus.Revoked);
        stored.UsedSeconds.Should().Be(60);
        stored.ExtraTime.Should().Be(TimeSpan.FromMinutes(30));
        (await Stores.Vouchers.RevokeAsync("ZZZZZZZZZZ", default)).Should().BeNull();
        (await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, PhoneMac, null), default)).Refusal.Should().Be(LoginRefusal.Revoked);
    }

    [SkippableFact]
    public async Task AdmitLogin_UptimeVoucher_HasNoWallClockEnd()
    {
        var voucher = await CreateVoucherAsync(PlanMode.Uptime);
        await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, PhoneMac, null), default);
        await Stores.Vouchers.AddUsageAsync(voucher.Code.Value, 1200, 0, default);
        Clock.Advance(TimeSpan.FromDays(1));

        var again = await Stores.Vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, PhoneMac, null), default);

        again.Admitted.Should().BeTrue();
        again.Voucher!.ExpiresAt.Should().BeNull();
        again.Voucher.RemainingTime(Clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(40));
    }

    private static DateTimeOffset TestStart => Domain.TestPlans.Start;
}
