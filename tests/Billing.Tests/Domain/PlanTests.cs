using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class PlanTests
{
    public static TheoryData<PlanDefinition, string> BadPlans => new()
    {
        { new PlanDefinition(" ", 20, TimeSpan.FromHours(1)), "name" },
        { new PlanDefinition("1 Hour", 0, TimeSpan.FromHours(1)), "priceKes" },
        { new PlanDefinition("1 Hour", 20, TimeSpan.FromSeconds(30)), "duration" },
        { new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), (PlanMode)7), "mode" },
        { new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), RateLimit: "fast"), "rateLimit" },
        { new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), DataCapBytes: 0), "dataCapBytes" },
        { new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), DeviceLimit: 0), "deviceLimit" },
        { new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), AllowedRouterIds: ["a,b"]), "allowedRouterIds" },
    };

    public static TheoryData<RouterDefinition, string> BadRouters => new()
    {
        { new RouterDefinition("", Address: "10.0.0.1"), "name" },
        { new RouterDefinition("Cafe", Address: "10.0.0.300"), "address" },
        { new RouterDefinition("Cafe", Address: "10.0.0.1/24"), "address" },
        { new RouterDefinition("Cafe"), "address" },
        { new RouterDefinition("Cafe", NasIdentifier: "cafe-hs", RequireMessageAuthenticator: false), "requireMessageAuthenticator" },
        { new RouterDefinition("Cafe", Address: "10.0.0.1", CoaPort: 0), "coaPort" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Create_BadDefinition_NamesTheField(PlanDefinition definition, string field)
    {
        var act = () => Plan.Create("pln_x", definition, TestPlans.Start);

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Snapshot_KeepsTheTermsAsSold()
    {
        var plan = Plan.Create("pln_x", new PlanDefinition("4 Hours", 50, TimeSpan.FromHours(4), RateLimit: "1M/4M", DeviceLimit: 2), TestPlans.Start);
        var sold = plan.Snapshot();

        plan.Redefine(new PlanDefinition("4 Hours", 70, TimeSpan.FromHours(3)), TestPlans.Start.AddDays(1));

        sold.PriceKes.Should().Be(50);
        sold.Duration.Should().Be(TimeSpan.FromHours(4));
        sold.RateLimit!.Value.Should().Be("1M/4M");
        sold.DeviceLimit.Should().Be(2);
        plan.PriceKes.Should().Be(70);
    }

    [Fact]
    public void IsAvailableOn_RespectsActiveFlagAndRouterList()
    {
        var everywhere = Plan.Create("pln_a", new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1)), TestPlans.Start);
        var campusOnly = Plan.Create("pln_b", new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), AllowedRouterIds: ["rtr_campus"]), TestPlans.Start);
        var retired = Plan.Create("pln_c", new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), Active: false), TestPlans.Start);

        everywhere.IsAvailableOn("rtr_cafe").Should().BeTrue();
        campusOnly.IsAvailableOn("rtr_cafe").Should().BeFalse();
        campusOnly.IsAvailableOn("rtr_campus").Should().BeTrue();
        retired.IsAvailableOn(null).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(BadRouters))]
    public void Router_BadDefinition_NamesTheField(RouterDefinition definition, string field)
    {
        var act = () => Router.Create("rtr_x", definition, TestPlans.Start);

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", true)]
    [InlineData(" 10.8.0.0/24 ", "10.8.0.0/24", false)]
    [InlineData("fd00::1", "fd00::1", true)]
    public void RouterAddress_IsCanonical(string text, string canonical, bool singleHost)
    {
        var address = RouterAddress.Parse(text);

        address.Value.Should().Be(canonical);
        address.IsSingleHost.Should().Be(singleHost);
    }

    [Fact]
    public void Router_BehindNat_IsIdentifiedByNasIdentifier()
    {
        var router = Router.Create("rtr_x", new RouterDefinition("Hostel", NasIdentifier: " hostel-hs "), TestPlans.Start);

        router.Address.Should().BeNull();
        router.NasIdentifier.Should().Be("hostel-hs");
        router.RequireMessageAuthenticator.Should().BeTrue();
        router.CoaPort.Should().Be(3799);
    }
}
