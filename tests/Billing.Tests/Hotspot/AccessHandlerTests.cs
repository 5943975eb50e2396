using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.Tests.Hotspot.Support;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot;

/// <summary>Voucher logins over real RADIUS (simulated MikroTik → server → SQLite store): every check and reply attribute.</summary>
public sealed class AccessHandlerTests : HotspotRouterTests
{
    protected override void ConfigureRouter(HotspotSimulatorOptions options) => options.EnforceDataLimit = false;

    [Fact]
    public async Task ChapLogin_UnusedVoucher_IsAcceptedWithWhatIsLeft_AndActivatesIt()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());

        var result = await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone));

        result.Accepted.Should().BeTrue(string.Join(", ", result.ReplyMessages));
        var reply = result.Reply!;
        reply.GetUInt32(RadiusAttributeType.SessionTimeout).Should().Be(3600u);
        reply.GetUInt32(RadiusAttributeType.AcctInterimInterval).Should().Be(300u, "always sent: RouterOS sends no interims otherwise");
        reply.Contains(RadiusAttributeType.IdleTimeout).Should().BeFalse("Hotspot:IdleTimeoutSeconds is 0 in this rig");
        reply.GetString(Mikrotik.VendorId, MikrotikAttributeType.RateLimit).Should().Be("2M/5M");
        reply.Contains(Mikrotik.VendorId, MikrotikAttributeType.TotalLimit).Should().BeFalse("the plan has no data cap");
        reply.GetString(RadiusAttributeType.Class).Should().Be("wb1:" + voucher.Code.Value);
        reply.HasMessageAuthenticator.Should().BeTrue("the simulated 7.15+ router verified it, or it would have dropped the reply");
        var stored = await Rig.Vouchers.FindAsync(voucher.Code.Value, default);
        stored!.Status.Should().Be(VoucherStatus.Active);
        stored.ActivatedAt.Should().Be(HotspotRig.Start);
        stored.BoundMacs.Select(m => m.Value).Should().Equal(Phone);
    }

    [Fact]
    public async Task Accept_CarriesTheConfiguredIdleTimeout()
    {
        await using var rig = await HotspotRig.StartAsync(new Dictionary<string, string?> { ["Hotspot:IdleTimeoutSeconds"] = "900", ["Hotspot:InterimIntervalSeconds"] = "120" });
        var (_, mikrotik) = await rig.StartRouterAsync();
        var voucher = await rig.MintAsync(await rig.CreatePlanAsync(rateLimit: null));

        var reply = (await mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Reply!;

        reply.GetUInt32(RadiusAttributeType.IdleTimeout).Should().Be(900u);
        reply.GetUInt32(RadiusAttributeType.AcctInterimInterval).Should().Be(120u);
        reply.Contains(Mikrotik.VendorId, MikrotikAttributeType.RateLimit).Should().BeFalse("the plan has no rate limit");
    }

    [Fact]
    public async Task PapAndChap_AcceptTheCodeAsTheCustomerTypedIt()
    {
        var plan = await Rig.CreatePlanAsync(devices: 2);
        var voucher = await Rig.MintAsync(plan);
        var typed = voucher.Code.Value.ToLowerInvariant().Replace('0', 'o').Replace('1', 'l');

        (await SimulatedRouter.LoginAsync(HotspotLogin.Pap(typed, Phone))).Accepted.Should().BeTrue("PAP compares codes, not strings");
        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(typed, Laptop))).Accepted.Should().BeTrue("CHAP tries the User-Name as typed");
    }

    [Theory]
    [InlineData("canonical code")]
    [InlineData("as typed")]
    [InlineData("typed, upper-cased")]
    [InlineData("code, lower-cased")]
    public async Task Chap_AcceptsEachFormTheLoginPageMayHaveHashed(string hashed)
    {
        // A code with a 0 or a 1, typed in lower case as o or l: then the four forms all differ, so each case needs
        // its own form to be tried (about half of all codes qualify).
        var plan = await Rig.CreatePlanAsync();
        var voucher = await Rig.MintAsync(plan);
        for (var attempt = 0; attempt < 100 && voucher.Code.Value.IndexOfAny(['0', '1']) < 0; attempt++)
        {
            voucher = await Rig.MintAsync(plan);
        }

        var code = voucher.Code.Value;
        code.Should().ContainAny("0", "1");
        var typed = code.ToLowerInvariant().Replace('0', 'o').Replace('1', 'l');
        var password = hashed switch
        {
            "canonical code" => code,
            "as typed" => typed,
            "typed, upper-cased" => typed.ToUpperInvariant(),
            _ => code.ToLowerInvariant(),
        };

        var result = await SimulatedRouter.LoginAsync(new HotspotLogin(HotspotLoginMethod.Chap, typed, password, Phone));

        result.Accepted.Should().BeTrue($"the CHAP response over the {hashed} is one of the forms tried");
    }

    [Fact]
    public async Task WrongPassword_IsRejectedAsAnUnknownCode()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());

        var result = await SimulatedRouter.LoginAsync(new HotspotLogin(HotspotLoginMethod.Chap, voucher.Code.Value, "WRONG", Phone));

        result.ReplyMessages.Should().Equal(HotspotReplyMessages.English(HotspotRejectReason.UnknownVoucher));
        (await Rig.Vouchers.FindAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Unused, "a refused login changes nothing");
    }

    [Fact]
    public async Task UnknownCode_IsRejectedWithItsMessage()
    {
        var result = await SimulatedRouter.LoginAsync(HotspotLogin.Chap("ZZZZZZZZZZ", Phone));

        result.Reply!.Code.Should().Be(RadiusCode.AccessReject);
        result.ReplyMessages.Should().Equal("Voucher code not recognised. Please check the code and try again.");
    }

    [Fact]
    public async Task RevokedVoucher_IsRejectedWithItsMessage()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        await Rig.Vouchers.RevokeAsync(voucher.Code.Value, default);

        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).ReplyMessages
            .Should().Equal(HotspotReplyMessages.English(HotspotRejectReason.Revoked));
    }

    [Fact]
    public async Task ExpiredVoucher_IsRejectedWithItsMessage()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Accepted.Should().BeTrue();

        Rig.Clock.Advance(TimeSpan.FromHours(1));

        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).ReplyMessages
            .Should().Equal("This voucher has expired. Please buy a new plan.");
    }

    [Fact]
    public async Task DataUsedUp_IsRejectedWithItsMessage()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(dataCapBytes: 1_000_000));
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        SimulatedRouter.AddTraffic(session, 200_000, 900_000);
        await SimulatedRouter.SendInterimAsync(session);

        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).ReplyMessages
            .Should().Equal(HotspotReplyMessages.English(HotspotRejectReason.DataExhausted));
    }

    [Fact]
    public async Task SecondDeviceOnAOneDeviceVoucher_IsRejectedWithItsMessage()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Accepted.Should().BeTrue();

        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Laptop))).ReplyMessages
            .Should().Equal("This voucher is already in use on another device.");
        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Accepted.Should().BeTrue("the bound device is always admitted");
    }

    [Fact]
    public async Task PlanNotSoldOnThisRouter_IsRejectedWithItsMessage()
    {
        var (otherRouter, _) = await Rig.StartRouterAsync(o => o.Identity = "Campus", address: "127.0.0.2");
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(routerIds: [otherRouter.Id]));

        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).ReplyMessages
            .Should().Equal(HotspotReplyMessages.English(HotspotRejectReason.RouterNotAllowed));
    }

    [Theory]
    [InlineData("sw", "Nambari ya vocha haitambuliki. Tafadhali hakikisha nambari na ujaribu tena.")]
    [InlineData("both", "Voucher code not recognised. Please check the code and try again. / Nambari ya vocha haitambuliki. Tafadhali hakikisha nambari na ujaribu tena.")]
    public async Task ReplyMessages_FollowTheConfiguredLanguage(string language, string expected)
    {
        await using var rig = await HotspotRig.StartAsync(new Dictionary<string, string?> { ["Hotspot:Language"] = language });
        var (_, mikrotik) = await rig.StartRouterAsync();

        (await mikrotik.LoginAsync(HotspotLogin.Chap("ZZZZZZZZZZ", Phone))).ReplyMessages.Should().Equal(expected);
    }

    [Fact]
    public async Task DataCap_AcceptCarriesTotalLimitWithGigawords_OfTheBytesLeft()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(dataCapBytes: 5_000_000_000));
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        session.TotalLimit.Should().Be(5_000_000_000);
        SimulatedRouter.AddTraffic(session, 100_000_000, 900_000_000);
        await SimulatedRouter.LogoutAsync(session);

        var reply = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Reply!;

        var left = 4_000_000_000UL;
        reply.GetUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimit).Should().Be((uint)(left & uint.MaxValue));
        reply.GetUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimitGigawords).Should().Be((uint)(left >> 32));
    }

    [Fact]
    public async Task SessionTimeout_IsTheTimeLeft_NotThePlanDuration()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var first = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await SimulatedRouter.LogoutAsync(first);

        Rig.Clock.Advance(TimeSpan.FromMinutes(20));

        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).SessionTimeout.Should().Be(2400u);
    }

    [Fact]
    public async Task UptimeVoucher_SessionTimeoutIsTheUptimeLeft()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(TimeSpan.FromHours(2), PlanMode.Uptime));
        var first = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        Rig.Clock.Advance(TimeSpan.FromMinutes(30));
        await SimulatedRouter.LogoutAsync(first);

        Rig.Clock.Advance(TimeSpan.FromHours(5));

        (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).SessionTimeout
            .Should().Be(5400u, "only connected time counts; the 5 hours away cost nothing");
    }

    [Fact]
    public async Task MacLogin_DeviceBoundAtSale_IsAcceptedAndActivatesTheVoucher()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(), device: Phone);

        var result = await SimulatedRouter.LoginAsync(HotspotLogin.MacLogin(Phone));

        result.Accepted.Should().BeTrue(string.Join(", ", result.ReplyMessages));
        result.SessionTimeout.Should().Be(3600u);
        result.Reply!.GetString(RadiusAttributeType.Class).Should().Be("wb1:" + voucher.Code.Value);
        (await Rig.Vouchers.FindAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Active);
    }

    [Theory]
    [InlineData(RadiusMacFormat.Plain, MacAuthMode.MacAsUsername)]
    [InlineData(RadiusMacFormat.DashPairs, MacAuthMode.MacAsUsernameAndPassword)]
    [InlineData(RadiusMacFormat.ColonQuads, MacAuthMode.MacAsUsername)]
    [InlineData(RadiusMacFormat.DashHalves, MacAuthMode.MacAsUsernameAndPassword)]
    [InlineData(RadiusMacFormat.SpacePairs, MacAuthMode.MacAsUsername)]
    [InlineData(RadiusMacFormat.ColonHalves, MacAuthMode.MacAsUsername)]
    public async Task MacLogin_AnyRadiusMacFormatAndAuthMode_ReconnectsWithTheRemainingTime(RadiusMacFormat format, MacAuthMode mode)
    {
        var (_, mikrotik) = await Rig.StartRouterAsync(
            o =>
            {
                o.MacFormat = format;
                o.MacAuthMode = mode;
            },
            address: "127.0.0.3");
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var first = (await mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        Rig.Clock.Advance(TimeSpan.FromMinutes(10));
        await mikrotik.LogoutAsync(first);

        var result = await mikrotik.LoginAsync(HotspotLogin.MacLogin(Phone));

        result.Accepted.Should().BeTrue(string.Join(", ", result.ReplyMessages));
        result.SessionTimeout.Should().Be(3000u);
    }

    [Fact]
    public async Task MacLogin_UnknownDevice_IsRejectedAtOnce_WithoutCountingAsAGuess()
    {
        for (var i = 0; i < 10; i++)
        {
            (await SimulatedRouter.LoginAsync(HotspotLogin.MacLogin($"02:00:00:00:00:{i:X2}"))).ReplyMessages
                .Should().Equal(HotspotReplyMessages.English(HotspotRejectReason.NoVoucherForDevice));
        }

        Rig.Throttle.DelayedRejects.Should().Be(0, "RouterOS tries a MAC login for every new device");
    }

    [Fact]
    public async Task MacLogin_ForAnotherDevicesMac_IsRejected()
    {
        await Rig.MintAsync(await Rig.CreatePlanAsync(), device: Phone);

        var result = await SimulatedRouter.LoginAsync(new HotspotLogin(HotspotLoginMethod.Mac, Phone, string.Empty, Laptop));

        result.ReplyMessages.Should().Equal(HotspotReplyMessages.English(HotspotRejectReason.DeviceMismatch));
    }

    [Fact]
    public void ReplyMessages_FitInOneAttributeInEveryLanguage()
    {
        foreach (var reason in Enum.GetValues<HotspotRejectReason>())
        {
            var both = HotspotReplyMessages.English(reason) + " / " + HotspotReplyMessages.Swahili(reason);
            System.Text.Encoding.UTF8.GetByteCount(both).Should().BeLessThanOrEqualTo(253, reason.ToString());
            HotspotReplyMessages.Swahili(reason).Should().NotBe(HotspotReplyMessages.English(reason));
        }
    }

    [Fact]
    public async Task Logs_NeverCarryAFullVoucherCode()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Laptop));
        await SimulatedRouter.LogoutAsync(session);

        Rig.Logs.Entries.Should().Contain(e => e.Message.Contains(voucher.Code.Masked, StringComparison.Ordinal));
        Rig.Logs.Entries.Should().NotContain(e => e.Message.Contains(voucher.Code.Value, StringComparison.Ordinal));
    }
}
