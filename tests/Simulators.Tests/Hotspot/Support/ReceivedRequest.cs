using System.Net;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Tests.Hotspot.Support;

/// <summary>One datagram the scripted server got: parsed (and verified with the secret), where from, and its octets.</summary>
public sealed record ReceivedRequest(RadiusPacket Packet, IPEndPoint Source, byte[] Datagram);
