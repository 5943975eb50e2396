using System.Net;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// What an Accounting-Request reports about one session at the moment it is built: the session's identity (user,
/// device, Acct-Session-Id, client address, echoed Class) and its counters.
/// </summary>
internal sealed record RouterOsAccounting(
    string UserName,
    string Mac,
    string AcctSessionId,
    IPAddress FramedIpAddress,
    IReadOnlyList<RadiusAttribute> Classes,
    long InputOctets,
    long OutputOctets,
    long InputPackets,
    long OutputPackets,
    uint SessionTime);
