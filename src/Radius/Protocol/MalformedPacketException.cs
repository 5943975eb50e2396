namespace WifiBilling.Radius.Protocol;

/// <summary>The datagram or an attribute value breaks the RADIUS encoding rules (RFC 2865 §3 and §5).</summary>
public sealed class MalformedPacketException(string message) : RadiusPacketException(message);
