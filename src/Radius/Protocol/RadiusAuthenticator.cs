using System.Security.Cryptography;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// The authenticator maths, in one place:
/// <list type="table">
/// <item><term>Access-Request, Status-Server</term><description>16 random octets (RFC 2865 §3, RFC 5997 §3).</description></item>
/// <item><term>Accounting/CoA/Disconnect-Request</term><description>MD5(Code|Id|Length|16×0|Attributes|Secret) (RFC 2866 §3, RFC 5176 §2.3).</description></item>
/// <item><term>Every response</term><description>MD5(Code|Id|Length|Request Authenticator|Attributes|Secret) (RFC 2865 §3).</description></item>
/// <item><term>Message-Authenticator</term><description>HMAC-MD5(Secret, packet with the attribute zeroed) where the header holds
/// the packet's own random authenticator (Access-Request, Status-Server), 16 zero octets (Accounting/CoA/Disconnect
/// requests, RFC 5176 §3.3) or the request's authenticator (responses, RFC 3579 §3.2). It is computed before the
/// Request/Response Authenticator.</description></item>
/// </list>
/// Every comparison is constant-time. Hashes go to caller-supplied spans; nothing is allocated, and the packet is
/// hashed in place (the substituted header and zeroed Message-Authenticator are fed to MD5 piecewise, see <see cref="Md5"/>).
/// </summary>
public static class RadiusAuthenticator
{
    public const int Length = 16;

    /// <summary>The header authenticator used for keyed requests: 16 zero octets (a constant, no allocation).</summary>
    internal static ReadOnlySpan<byte> Zero => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static void CreateRandom(Span<byte> destination) => RandomNumberGenerator.Fill(destination[..Length]);

    /// <summary>Request Authenticator of an Accounting-, CoA- or Disconnect-Request (RFC 2866 §3, RFC 5176 §2.3).</summary>
    public static void ComputeRequestAuthenticator(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> secret, Span<byte> destination) =>
        HashWithSecret(packet, Zero, secret, destination);

    /// <summary>Response Authenticator (RFC 2865 §3): the packet with the request's authenticator in its header, then the secret.</summary>
    public static void ComputeResponseAuthenticator(
        ReadOnlySpan<byte> packet, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret, Span<byte> destination) =>
        HashWithSecret(packet, requestAuthenticator, secret, destination);

    public static bool VerifyRequestAuthenticator(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> secret)
    {
        Span<byte> expected = stackalloc byte[Length];
        ComputeRequestAuthenticator(packet, secret, expected);
        return CryptographicOperations.FixedTimeEquals(expected, packet.Slice(4, Length));
    }

    public static bool VerifyResponseAuthenticator(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> secret)
    {
        Span<byte> expected = stackalloc byte[Length];
        ComputeResponseAuthenticator(packet, requestAuthenticator, secret, expected);
        return CryptographicOperations.FixedTimeEquals(expected, packet.Slice(4, Length));
    }

    /// <summary>
    /// Message-Authenticator (RFC 3579 §3.2): HMAC-MD5 keyed with the secret over the packet whose
    /// Message-Authenticator value (at <paramref name="valueOffset"/>) is zeroed and whose header authenticator is
    /// <paramref name="headerAuthenticator"/> (see <see cref="MessageAuthenticatorHeader"/>).
    /// </summary>
    public static void ComputeMessageAuthenticator(
        ReadOnlySpan<byte> packet, int valueOffset, ReadOnlySpan<byte> headerAuthenticator, ReadOnlySpan<byte> secret, Span<byte> destination) =>
        Md5.HmacPacket(secret, packet, headerAuthenticator, valueOffset, destination);

    public static bool VerifyMessageAuthenticator(
        ReadOnlySpan<byte> packet, int valueOffset, ReadOnlySpan<byte> headerAuthenticator, ReadOnlySpan<byte> secret)
    {
        Span<byte> expected = stackalloc byte[Length];
        ComputeMessageAuthenticator(packet, valueOffset, headerAuthenticator, secret, expected);
        return CryptographicOperations.FixedTimeEquals(expected, packet.Slice(valueOffset, Length));
    }

    /// <summary>
    /// The authenticator that sits in the header while the Message-Authenticator is computed: the packet's own for
    /// Access-Request/Status-Server, zeros for Accounting/CoA/Disconnect requests, the request's for responses.
    /// </summary>
    public static ReadOnlySpan<byte> MessageAuthenticatorHeader(
        RadiusCode code, ReadOnlySpan<byte> ownAuthenticator, ReadOnlySpan<byte> requestAuthenticator)
    {
        if (code.HasKeyedRequestAuthenticator())
        {
            return Zero;
        }

        return code.IsResponse() ? requestAuthenticator : ownAuthenticator;
    }

    /// <summary>MD5 over the packet (header authenticator replaced) followed by the secret.</summary>
    private static void HashWithSecret(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> headerAuthenticator, ReadOnlySpan<byte> secret, Span<byte> destination)
    {
        var hash = Md5.Begin();
        Md5.AppendPacket(hash, packet, headerAuthenticator, -1);
        hash.AppendData(secret);
        hash.GetHashAndReset(destination);
    }

    /// <summary>MD5(buffer[..length] ‖ secret) where the buffer's header already holds the right authenticator.</summary>
    internal static void HashWithSecret(ReadOnlySpan<byte> packet, ReadOnlySpan<byte> secret, Span<byte> destination) =>
        HashWithSecret(packet, packet.Slice(4, Length), secret, destination);
}
