using System.Net;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Tests.Hotspot.Support;
using WifiBilling.Radius.Tests.Support;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot;

/// <summary>Routers come from the store and take effect without a restart.</summary>
public sealed class RouterRegistryTests : IAsyncLifetime
{
    private const string Phone = "BC:24:11:EB:56:4D";
    private HotspotRig _rig = null!;

    public async Task InitializeAsync() => _rig = await HotspotRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task UnknownRouter_IsIgnored_UntilItIsAdded()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        await using var stranger = HotspotSimulator.Start(Options(IPAddress.Parse("127.0.0.4")));

        (await stranger.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).TimedOut.Should().BeTrue("RFC 2865: silently discarded");

        await _rig.Routers.CreateAsync(new RouterDefinition("Stranger", Address: "127.0.0.4"), HotspotRig.Secret, default);
        await _rig.Registry.RefreshAsync(default);
        (await stranger.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Accepted.Should().BeTrue();
    }

    [Fact]
    public async Task RouterChangedByAnotherInstance_IsPickedUpByThePoll()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        await using var stranger = HotspotSimulator.Start(Options(IPAddress.Parse("127.0.0.5")));
        var version = _rig.Registry.Version;

        // Written to the store without telling this registry, as another instance's endpoint would.
        await _rig.Routers.CreateAsync(new RouterDefinition("Elsewhere", Address: "127.0.0.0/24"), HotspotRig.Secret, default);
        _rig.Clock.Advance(TimeSpan.FromSeconds(2));
        await Poll.UntilAsync(() => _rig.Registry.Version > version, "the registry polled the store's change version");

        (await stranger.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Accepted.Should().BeTrue("matched by its CIDR entry");
    }

    [Fact]
    public async Task DisabledRouter_IsIgnored()
    {
        var (router, mikrotik) = await _rig.StartRouterAsync(o => o.RadiusRetries = 0);
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());

        await _rig.Routers.UpdateAsync(router.Id, router.ToDefinition() with { Enabled = false }, null, default);
        await _rig.Registry.RefreshAsync(default);

        (await mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).TimedOut.Should().BeTrue();
        _rig.Registry.TryGetRouter(router.Id, out _).Should().BeFalse();
    }

    [Fact]
    public async Task RouterBehindNat_IsFoundByNasIdentifier_WithAMessageAuthenticator()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var (router, mikrotik) = await _rig.StartRouterAsync(
            o => o.Identity = "hostel-block-b",
            address: "127.0.0.6",
            define: d => d with { Address = null, NasIdentifier = "hostel-block-b", RequireMessageAuthenticator = true });
        var result = await mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone));

        result.Accepted.Should().BeTrue();
        await _rig.WaitForSessionAsync(router, result.Session!, s => s.IsOpen, "its accounting was recorded under the router");

        await using var unsigned = HotspotSimulator.Start(Options(IPAddress.Parse("127.0.0.7"), o =>
        {
            o.Identity = "hostel-block-b";
            o.SendMessageAuthenticator = false;
        }));
        (await unsigned.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).TimedOut
            .Should().BeTrue("a NAS-Identifier alone proves nothing without a valid Message-Authenticator");
    }

    private HotspotSimulatorOptions Options(IPAddress address, Action<HotspotSimulatorOptions>? configure = null)
    {
        var options = new HotspotSimulatorOptions
        {
            AuthServer = _rig.AuthEndPoint,
            AcctServer = _rig.AcctEndPoint,
            Secret = HotspotRig.Secret,
            LocalAddress = address,
            CoaPort = 0,
            Clock = _rig.Clock,
            RadiusRetries = 0,
            RadiusTimeout = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        return options;
    }
}
