using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Simulators.Load;

/// <summary>
/// Builds a phase's requests before the clock starts, so the measured run spends its time sending, receiving and
/// checking replies rather than hashing requests. Request j gets the router, Identifier and session
/// <see cref="LoadRoute"/> assigns; vouchers are used in turn, each from its own device (<see cref="LoadVouchers.DeviceFor"/>).
/// </summary>
internal sealed class LoadPacketFactory(LoadSettings settings, IReadOnlyList<VirtualRouter> routers, TimeProvider clock)
{
    /// <summary>Counters grow by this much per interim round (a busy phone: 1 MB up, 5 MB down a minute).</summary>
    private const long UploadPerRound = 1_000_000;

    private const long DownloadPerRound = 5_000_000;

    public byte[][] Build(LoadKind kind, int count, LoadRoute route)
    {
        var packets = new byte[count][];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j => packets[j] = BuildOne(kind, j, route));
        return packets;
    }

    private byte[] BuildOne(LoadKind kind, int request, LoadRoute route)
    {
        var router = routers[route.RouterOf(request)];
        var identifier = route.IdentifierOf(request);
        var position = route.PositionOf(request);
        var packet = kind switch
        {
            LoadKind.Pap or LoadKind.Chap or LoadKind.Mac => Login(kind, router, identifier, request, position),
            _ => Accounting(kind, router, identifier, request, route),
        };
        return RadiusPacketCodec.Encode(packet, router.Secret);
    }

    private RadiusPacket Login(LoadKind kind, VirtualRouter router, byte identifier, int request, int position)
    {
        HotspotLogin login;
        if (kind == LoadKind.Mac)
        {
            var device = settings.Vouchers.Count > 0 ? LoadVouchers.DeviceFor(Voucher(request)) : LoadVouchers.UnknownDevice(request);
            login = HotspotLogin.MacLogin(device);
        }
        else
        {
            var code = Voucher(request);
            var device = LoadVouchers.DeviceFor(code);
            login = kind == LoadKind.Pap ? HotspotLogin.Pap(code, device) : HotspotLogin.Chap(code, device);
        }

        var userName = kind == LoadKind.Mac ? MacAddresses.Format(login.UserName, router.Options.MacFormat) : login.UserName;
        return router.Packets.AccessRequest(identifier, login, userName, login.Mac, AcctSessionId(position), router.ClientAddress(position));
    }

    private RadiusPacket Accounting(LoadKind kind, VirtualRouter router, byte identifier, int request, LoadRoute route)
    {
        var session = route.SessionOf(request);
        var code = Voucher(session);
        var rounds = kind switch
        {
            LoadKind.Start => 0,
            LoadKind.Stop => 1,
            _ => route.RoundOf(request) + 1,
        };
        var upload = rounds * UploadPerRound;
        var download = rounds * DownloadPerRound;
        var snapshot = new RouterOsAccounting(
            code,
            LoadVouchers.DeviceFor(code),
            AcctSessionId(session / settings.Routers),
            router.ClientAddress(session / settings.Routers),
            [],
            upload,
            download,
            upload / 1500,
            download / 1500,
            (uint)(rounds * 60));
        var status = kind switch
        {
            LoadKind.Start => AcctStatusType.Start,
            LoadKind.Stop => AcctStatusType.Stop,
            _ => AcctStatusType.InterimUpdate,
        };
        return router.Packets.Accounting(identifier, snapshot, status, kind == LoadKind.Stop ? AcctTerminateCause.UserRequest : null, clock.GetUtcNow());
    }

    private string Voucher(int index) => settings.Vouchers[index % settings.Vouchers.Count];

    private string AcctSessionId(int sequence) => RouterOsPackets.AcctSessionId(settings.Boot, sequence + 1);
}
