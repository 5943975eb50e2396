using System.Security.Cryptography;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// CHAP (RFC 1994 §4.1, RFC 2865 §5.3): CHAP-Password = ident ‖ MD5(ident ‖ password ‖ challenge). The challenge is
/// the CHAP-Challenge attribute when present (MikroTik always sends one), else the Request Authenticator.
/// </summary>
public static class Chap
{
    /// <summary>Length of a CHAP-Password value: the 1-octet CHAP Identifier and the 16-octet response.</summary>
    public const int ResponseLength = 17;

    public static void ComputeResponse(byte identifier, ReadOnlySpan<byte> password, ReadOnlySpan<byte> challenge, Span<byte> destination)
    {
        var hash = Md5.Begin();
        hash.AppendData([identifier]);
        hash.AppendData(password);
        hash.AppendData(challenge);
        destination[0] = identifier;
        hash.GetHashAndReset(destination.Slice(1, Md5.HashLength));
    }

    /// <summary>True when <paramref name="chapPassword"/> (17 octets) answers <paramref name="challenge"/> with <paramref name="password"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> chapPassword, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> password)
    {
        if (chapPassword.Length != ResponseLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[ResponseLength];
        ComputeResponse(chapPassword[0], password, challenge, expected);
        return CryptographicOperations.FixedTimeEquals(expected, chapPassword);
    }

    /// <summary>Verifies the CHAP-Password of an Access-Request, taking the challenge RFC 2865 §2.2 says to take.</summary>
    public static bool VerifyRequest(RadiusPacket request, ReadOnlySpan<byte> password)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.TryGet(RadiusAttributeType.ChapPassword, out var chapPassword))
        {
            return false;
        }

        var challenge = request.TryGet(RadiusAttributeType.ChapChallenge, out var chapChallenge)
            ? chapChallenge.Value.Span
            : request.Authenticator.Span;
        return Verify(chapPassword.Value.Span, challenge, password);
    }
}
