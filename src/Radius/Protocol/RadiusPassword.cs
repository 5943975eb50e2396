using System.Security.Cryptography;
using System.Text;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// User-Password hiding (RFC 2865 §5.2): the password, NUL-padded to a multiple of 16 octets (at most 128), is
/// XORed block by block with b1 = MD5(S ‖ RA), bi = MD5(S ‖ c(i-1)).
/// </summary>
public static class RadiusPassword
{
    public const int MaxLength = 128;

    private const int BlockLength = 16;

    /// <summary>Length of the hidden value for a password of <paramref name="passwordLength"/> octets.</summary>
    public static int GetHiddenLength(int passwordLength) =>
        passwordLength <= 0 ? BlockLength : (passwordLength + BlockLength - 1) / BlockLength * BlockLength;

    public static int Hide(ReadOnlySpan<byte> password, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination)
    {
        if (password.Length > MaxLength)
        {
            throw new ArgumentException($"A User-Password holds at most {MaxLength} octets.", nameof(password));
        }

        var length = GetHiddenLength(password.Length);
        var output = destination[..length];
        output.Clear();
        password.CopyTo(output);
        Transform(output, secret, requestAuthenticator, hide: true);
        return length;
    }

    public static byte[] Hide(string password, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator)
    {
        var plain = Encoding.UTF8.GetBytes(password);
        var hidden = new byte[GetHiddenLength(plain.Length)];
        Hide(plain, secret, requestAuthenticator, hidden);
        return hidden;
    }

    /// <summary>
    /// Recovers the password into <paramref name="destination"/> (at least as long as <paramref name="hidden"/>) and
    /// returns its length with the NUL padding stripped; an all-NUL value (empty password) gives 0.
    /// </summary>
    public static int Recover(ReadOnlySpan<byte> hidden, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, Span<byte> destination)
    {
        if (hidden.Length == 0 || hidden.Length > MaxLength || hidden.Length % BlockLength != 0)
        {
            throw new MalformedPacketException($"A User-Password value is 16 to 128 octets in 16-octet blocks; got {hidden.Length}.");
        }

        var output = destination[..hidden.Length];
        hidden.CopyTo(output);
        Transform(output, secret, requestAuthenticator, hide: false);
        var length = output.Length;
        while (length > 0 && output[length - 1] == 0)
        {
            length--;
        }

        return length;
    }

    public static string Recover(ReadOnlySpan<byte> hidden, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator)
    {
        Span<byte> plain = stackalloc byte[MaxLength];
        var length = Recover(hidden, secret, requestAuthenticator, plain);
        var text = Encoding.UTF8.GetString(plain[..length]);
        CryptographicOperations.ZeroMemory(plain);
        return text;
    }

    /// <summary>True when the hidden value decodes to exactly <paramref name="expected"/> (constant-time compare).</summary>
    public static bool Verify(ReadOnlySpan<byte> hidden, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, ReadOnlySpan<byte> expected)
    {
        Span<byte> plain = stackalloc byte[MaxLength];
        var length = Recover(hidden, secret, requestAuthenticator, plain);
        var equal = CryptographicOperations.FixedTimeEquals(plain[..length], expected);
        CryptographicOperations.ZeroMemory(plain);
        return equal;
    }

    private static void Transform(Span<byte> data, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator, bool hide)
    {
        if (requestAuthenticator.Length != RadiusAuthenticator.Length)
        {
            throw new ArgumentException("The Request Authenticator has 16 octets.", nameof(requestAuthenticator));
        }

        var hash = Md5.Begin();
        Span<byte> key = stackalloc byte[BlockLength];
        Span<byte> previous = stackalloc byte[BlockLength];
        requestAuthenticator.CopyTo(previous);
        for (var offset = 0; offset < data.Length; offset += BlockLength)
        {
            hash.AppendData(secret);
            hash.AppendData(previous);
            hash.GetHashAndReset(key);
            var block = data.Slice(offset, BlockLength);
            if (!hide)
            {
                // The next key chains on the cipher text, which is this block before it is decoded.
                block.CopyTo(previous);
            }

            for (var i = 0; i < BlockLength; i++)
            {
                block[i] ^= key[i];
            }

            if (hide)
            {
                block.CopyTo(previous);
            }
        }

        CryptographicOperations.ZeroMemory(key);
    }
}
