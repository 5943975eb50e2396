using System.Net;
using System.Security.Cryptography;
using System.Text;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// The requests a RouterOS 7 hotspot puts on the wire, in its attribute order (mikrotik.md §1.1, §3.1, LOG-V7), for
/// one router's settings and secret. The hotspot simulator and the load generator both build their packets here, so a
/// load test sends exactly what the simulated router sends.
/// </summary>
internal sealed class RouterOsPackets(HotspotSimulatorOptions options, byte[] secret)
{
    public byte[] Secret => secret;

    /// <summary>
    /// An Access-Request: the common attributes, then CHAP-Challenge + CHAP-Password, or a hidden User-Password (PAP and
    /// MAC logins), then Service-Type, WISPr-Logoff-URL, NAS-Identifier, NAS-IP-Address and, on 7.15+, the
    /// Message-Authenticator last (its value is computed when the packet is written).
    /// </summary>
    public RadiusPacket AccessRequest(byte identifier, HotspotLogin login, string userName, string mac, string acctSessionId, IPAddress framedIp)
    {
        ArgumentNullException.ThrowIfNull(login);
        var request = new RadiusPacket(RadiusCode.AccessRequest, identifier)
            .AddUInt32(RadiusAttributeType.NasPortType, options.NasPortType)
            .AddString(RadiusAttributeType.CallingStationId, mac)
            .AddString(RadiusAttributeType.CalledStationId, options.HotspotServerName)
            .AddString(RadiusAttributeType.NasPortId, options.InterfaceName)
            .AddString(RadiusAttributeType.UserName, userName)
            .AddUInt32(RadiusAttributeType.NasPort, NasPort(acctSessionId))
            .AddString(RadiusAttributeType.AcctSessionId, acctSessionId)
            .AddIPAddress(RadiusAttributeType.FramedIpAddress, framedIp)
            .AddVendorIPAddress(Mikrotik.VendorId, MikrotikAttributeType.HostIp, framedIp);
        switch (login.Method)
        {
            case HotspotLoginMethod.Chap:
                // The login page hashes chap-id + password + chap-challenge; the router sends its own challenge as CHAP-Challenge.
                var chapId = (byte)RandomNumberGenerator.GetInt32(256);
                var challenge = RandomNumberGenerator.GetBytes(16);
                var response = new byte[Chap.ResponseLength];
                Chap.ComputeResponse(chapId, Encoding.UTF8.GetBytes(login.Password), challenge, response);
                request.AddOctets(RadiusAttributeType.ChapChallenge, challenge).AddOctets(RadiusAttributeType.ChapPassword, response);
                break;
            case HotspotLoginMethod.Pap:
                request.AddOctets(RadiusAttributeType.UserPassword, RadiusPassword.Hide(login.Password, secret, request.Authenticator.Span));
                break;
            default:
                var password = options.MacAuthMode == MacAuthMode.MacAsUsernameAndPassword ? userName : login.Password;
                request.AddOctets(RadiusAttributeType.UserPassword, RadiusPassword.Hide(password, secret, request.Authenticator.Span));
                break;
        }

        request.AddUInt32(RadiusAttributeType.ServiceType, 1)
            .AddVendorString(Wispr.VendorId, WisprAttributeType.LogoffUrl, $"http://{options.HotspotAddress}/logout")
            .AddString(RadiusAttributeType.NasIdentifier, options.Identity)
            .AddIPAddress(RadiusAttributeType.NasIpAddress, options.EffectiveNasIpAddress);
        if (options.SendMessageAuthenticator)
        {
            // Last, where RouterOS puts it; the codec computes it wherever it is.
            request.Add(new RadiusAttribute(RadiusAttributeType.MessageAuthenticator, new byte[RadiusPacketCodec.AuthenticatorLength]));
        }

        return request;
    }

    /// <summary>
    /// An Accounting-Request for <paramref name="session"/>: Start carries no counters; Interim-Update and Stop carry
    /// octets with gigawords, packets and Acct-Session-Time; Stop adds the terminate cause. Acct-Delay-Time is 0 and
    /// stays 0 on retransmissions, as in LOG-V7 (the same octets are resent).
    /// </summary>
    public RadiusPacket Accounting(byte identifier, RouterOsAccounting session, AcctStatusType status, AcctTerminateCause? cause, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var request = new RadiusPacket(RadiusCode.AccountingRequest, identifier).AddUInt32(RadiusAttributeType.AcctStatusType, (uint)status);
        if (cause is { } terminateCause)
        {
            request.AddUInt32(RadiusAttributeType.AcctTerminateCause, (uint)terminateCause);
        }

        request.AddUInt32(RadiusAttributeType.NasPortType, options.NasPortType)
            .AddString(RadiusAttributeType.CallingStationId, session.Mac)
            .AddString(RadiusAttributeType.CalledStationId, options.HotspotServerName)
            .AddString(RadiusAttributeType.NasPortId, options.InterfaceName)
            .AddString(RadiusAttributeType.UserName, session.UserName)
            .AddUInt32(RadiusAttributeType.NasPort, NasPort(session.AcctSessionId))
            .AddString(RadiusAttributeType.AcctSessionId, session.AcctSessionId)
            .AddIPAddress(RadiusAttributeType.FramedIpAddress, session.FramedIpAddress)
            .AddVendorIPAddress(Mikrotik.VendorId, MikrotikAttributeType.HostIp, session.FramedIpAddress);
        foreach (var sessionClass in session.Classes)
        {
            request.Add(sessionClass);
        }

        request.AddDate(RadiusAttributeType.EventTimestamp, now);
        if (status != AcctStatusType.Start)
        {
            request.AddUInt32(RadiusAttributeType.AcctInputOctets, (uint)(session.InputOctets & uint.MaxValue))
                .AddUInt32(RadiusAttributeType.AcctOutputOctets, (uint)(session.OutputOctets & uint.MaxValue))
                .AddUInt32(RadiusAttributeType.AcctInputGigawords, (uint)(session.InputOctets >> 32))
                .AddUInt32(RadiusAttributeType.AcctOutputGigawords, (uint)(session.OutputOctets >> 32))
                .AddUInt32(RadiusAttributeType.AcctInputPackets, (uint)Math.Min(session.InputPackets, uint.MaxValue))
                .AddUInt32(RadiusAttributeType.AcctOutputPackets, (uint)Math.Min(session.OutputPackets, uint.MaxValue))
                .AddUInt32(RadiusAttributeType.AcctSessionTime, session.SessionTime);
        }

        return request.AddString(RadiusAttributeType.NasIdentifier, options.Identity)
            .AddUInt32(RadiusAttributeType.AcctDelayTime, 0)
            .AddIPAddress(RadiusAttributeType.NasIpAddress, options.EffectiveNasIpAddress);
    }

    /// <summary>NAS-Port: the Acct-Session-Id read as a hex number (seen in every RouterOS log, mikrotik.md §1.1).</summary>
    public static uint NasPort(string acctSessionId) => Convert.ToUInt32(acctSessionId, 16);

    /// <summary>
    /// RouterOS' Acct-Session-Id: the hotspot service's "80", the boot symbol (0-f, one step per reboot) and a
    /// 5-symbol session counter (mikrotik.md §1.1).
    /// </summary>
    public static string AcctSessionId(int boot, int counter) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"80{boot & 0xF:x}{counter & 0xFFFFF:x5}");
}
