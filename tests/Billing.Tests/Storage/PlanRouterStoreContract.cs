using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Storage;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>Plans, routers and store health: the same behaviour on every backend.</summary>
public abstract class PlanRouterStoreContract<TBackend> : StoreContract<TBackend>
    where TBackend : IStoreBackend, new()
{
    [SkippableFact]
    public async Task SeedIfEmpty_EmptyStore_SeedsTheThreeSeedPlansOnce()
    {
        var seed = new PlanSeedOptions { OneHourPriceKes = 25 }.ToDefinitions();

        (await Stores.Plans.SeedIfEmptyAsync(seed, default)).Should().Be(3);
        (await Stores.Plans.SeedIfEmptyAsync(seed, default)).Should().Be(0);

        var plans = await Stores.Plans.ListActiveAsync(null, default);
        plans.Select(p => (p.Name, p.PriceKes, p.Duration, p.Mode)).Should().Equal(
            ("1 Hour", 25L, TimeSpan.FromHours(1), PlanMode.Validity),
            ("4 Hours", 50L, TimeSpan.FromHours(4), PlanMode.Validity),
            ("24 Hours", 80L, TimeSpan.FromHours(24), PlanMode.Validity));

        foreach (var plan in plans)
        {
            await Stores.Plans.DeleteAsync(plan.Id, default);
        }

        (await Stores.Plans.SeedIfEmptyAsync(seed, default)).Should().Be(0, "an operator who deleted every plan does not get the seed back");
    }

    [SkippableFact]
    public async Task SeedIfEmpty_StoreWithPlans_SeedsNothing()
    {
        await CreatePlanAsync();

        (await Stores.Plans.SeedIfEmptyAsync(new PlanSeedOptions().ToDefinitions(), default)).Should().Be(0);
    }

    [SkippableFact]
    public async Task Plans_CreateFindUpdateListDelete()
    {
        var cheap = await Stores.Plans.CreateAsync(new PlanDefinition("30 Minutes", 10, TimeSpan.FromMinutes(30), SortOrder: 1), default);
        var campus = await Stores.Plans.CreateAsync(
            new PlanDefinition("Campus day", 60, TimeSpan.FromDays(1), PlanMode.Uptime, "1M/4M", 2_000_000_000, 2, SortOrder: 2, AllowedRouterIds: ["rtr_campus"]),
            default);

        var found = await Stores.Plans.FindAsync(campus.Id, default);
        found.Should().NotBeNull();
        found!.Mode.Should().Be(PlanMode.Uptime);
        found.RateLimit!.Value.Should().Be("1M/4M");
        found.DataCapBytes.Should().Be(2_000_000_000);
        found.DeviceLimit.Should().Be(2);
        found.AllowedRouterIds.Should().Equal("rtr_campus");
        found.CreatedAt.Should().Be(TestPlansStart);

        (await Stores.Plans.ListActiveAsync("rtr_cafe", default)).Select(p => p.Id).Should().Equal(cheap.Id);
        (await Stores.Plans.ListActiveAsync("rtr_campus", default)).Select(p => p.Id).Should().Equal(cheap.Id, campus.Id);

        Clock.Advance(TimeSpan.FromMinutes(5));
        var updated = await Stores.Plans.UpdateAsync(cheap.Id, new PlanDefinition("30 Minutes", 15, TimeSpan.FromMinutes(30), Active: false), default);
        updated!.PriceKes.Should().Be(15);
        updated.UpdatedAt.Should().Be(Clock.GetUtcNow());
        (await Stores.Plans.ListActiveAsync(null, default)).Select(p => p.Id).Should().Equal(campus.Id);
        (await Stores.Plans.ListAsync(default)).Should().HaveCount(2);

        (await Stores.Plans.UpdateAsync("pln_missing", new PlanDefinition("x", 1, TimeSpan.FromHours(1)), default)).Should().BeNull();
        (await Stores.Plans.DeleteAsync(cheap.Id, default)).Should().BeTrue();
        (await Stores.Plans.DeleteAsync(cheap.Id, default)).Should().BeFalse();
        (await Stores.Plans.FindAsync(cheap.Id, default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task Plans_BadDefinition_IsRefusedNamingTheFieldAndStoresNothing()
    {
        var plans = Stores.Plans;

        var act = () => plans.CreateAsync(new PlanDefinition("Fast", 20, TimeSpan.FromHours(1), RateLimit: "2Mbps"), default);

        (await act.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("rateLimit");
        (await Stores.Plans.ListAsync(default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Routers_SecretIsWriteOnly_AndReachesOnlyTheRegistrySnapshot()
    {
        var version0 = await Stores.Routers.GetChangeVersionAsync(default);
        var router = await Stores.Routers.CreateAsync(new RouterDefinition("Cafe", "cafe-hs", "10.0.0.1", Site: "Kilimani"), "s3cret-cafe", default);

        var read = await Stores.Routers.FindAsync(router.Id, default);
        read!.HasSecret.Should().BeTrue();
        read.Address!.Value.Should().Be("10.0.0.1");
        read.Site.Should().Be("Kilimani");
        typeof(Router).GetProperties().Select(p => p.Name).Should().NotContain(n => n.Contains("Secret", StringComparison.Ordinal) && n != nameof(Router.HasSecret));

        var snapshot = await Stores.Routers.GetRegistrySnapshotAsync(default);
        snapshot.Version.Should().BeGreaterThan(version0);
        snapshot.Routers.Should().ContainSingle().Which.SharedSecret.Should().Be("s3cret-cafe");
        snapshot.Routers[0].ToString().Should().NotContain("s3cret");
    }

    [SkippableFact]
    public async Task Routers_UpdateAndDelete_ChangeTheVersionAndTheSnapshot()
    {
        var router = await Stores.Routers.CreateAsync(new RouterDefinition("Cafe", Address: "10.0.0.1"), "first-secret", default);
        var hostel = await Stores.Routers.CreateAsync(new RouterDefinition("Hostel", NasIdentifier: "hostel-hs"), "hostel-secret", default);
        var v1 = await Stores.Routers.GetChangeVersionAsync(default);

        await Stores.Routers.UpdateAsync(router.Id, new RouterDefinition("Cafe 2", Address: "10.0.0.2", CoaPort: 1700), null, default);
        var v2 = await Stores.Routers.GetChangeVersionAsync(default);
        var kept = (await Stores.Routers.GetRegistrySnapshotAsync(default)).Routers.Single(r => r.Router.Id == router.Id);
        kept.SharedSecret.Should().Be("first-secret", "a null secret on update keeps the stored one");
        kept.Router.CoaPort.Should().Be(1700);
        kept.Router.Name.Should().Be("Cafe 2");

        await Stores.Routers.UpdateAsync(router.Id, new RouterDefinition("Cafe 2", Address: "10.0.0.2", Enabled: false), "second-secret", default);
        var snapshot = await Stores.Routers.GetRegistrySnapshotAsync(default);
        snapshot.Routers.Select(r => r.Router.Id).Should().Equal(hostel.Id);

        await Stores.Routers.UpdateAsync(router.Id, new RouterDefinition("Cafe 2", Address: "10.0.0.2"), null, default);
        (await Stores.Routers.GetRegistrySnapshotAsync(default)).Routers.Single(r => r.Router.Id == router.Id).SharedSecret.Should().Be("second-secret");

        (await Stores.Routers.DeleteAsync(hostel.Id, default)).Should().BeTrue();
        var v3 = await Stores.Routers.GetChangeVersionAsync(default);
        new[] { v1, v2, v3 }.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await Stores.Routers.ListAsync(default)).Select(r => r.Id).Should().Equal(router.Id);
        (await Stores.Routers.UpdateAsync("rtr_missing", new RouterDefinition("x", Address: "10.0.0.9"), null, default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task Routers_DuplicateNasIdentifierOrAddress_NamesTheField()
    {
        await Stores.Routers.CreateAsync(new RouterDefinition("Cafe", "cafe-hs", "10.0.0.1"), "secret-1", default);

        var sameNas = () => Stores.Routers.CreateAsync(new RouterDefinition("Other", "cafe-hs", "10.0.0.2"), "secret-2", default);
        var sameAddress = () => Stores.Routers.CreateAsync(new RouterDefinition("Other", "other-hs", "10.0.0.1"), "secret-2", default);
        var noSecret = () => Stores.Routers.CreateAsync(new RouterDefinition("Other", "other-hs", "10.0.0.3"), "", default);

        (await sameNas.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("nasIdentifier");
        (await sameAddress.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("address");
        (await noSecret.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("sharedSecret");
        (await Stores.Routers.ListAsync(default)).Should().HaveCount(1);
    }

    [SkippableFact]
    public async Task Health_ReachableStore_ReportsTrue()
    {
        (await Stores.Health.IsReachableAsync(default)).Should().BeTrue();
    }

    private static DateTimeOffset TestPlansStart => Domain.TestPlans.Start;
}
