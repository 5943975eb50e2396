namespace WifiBilling.Radius.Protocol;

/// <summary>
/// Base of every error the codec raises for bad input. A server catches this type (and only this type)
/// around decoding and drops the datagram silently (RFC 2865 §3).
/// </summary>
public class RadiusPacketException : Exception
{
    public RadiusPacketException(string message)
        : base(message)
    {
    }

    public RadiusPacketException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
