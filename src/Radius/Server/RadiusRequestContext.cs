using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Server;

/// <summary>What a handler gets: the authenticated request, the NAS it came from, and password helpers.</summary>
public sealed class RadiusRequestContext
{
    public RadiusRequestContext(
        RadiusPacket request,
        RadiusClient client,
        IPEndPoint remoteEndPoint,
        RadiusListenerKind listener,
        DateTimeOffset receivedAt,
        bool identifiedByNasIdentifier = false)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Client = client ?? throw new ArgumentNullException(nameof(client));
        RemoteEndPoint = remoteEndPoint ?? throw new ArgumentNullException(nameof(remoteEndPoint));
        Listener = listener;
        ReceivedAt = receivedAt;
        IdentifiedByNasIdentifier = identifiedByNasIdentifier;
    }

    public RadiusPacket Request { get; }

    public RadiusClient Client { get; }

    /// <summary>The datagram's source; replies go back to exactly this address and port.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    public RadiusListenerKind Listener { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The NAS was found by NAS-Identifier (behind NAT), not by source address.</summary>
    public bool IdentifiedByNasIdentifier { get; }

    /// <summary>True when the request carried a Message-Authenticator (the server has already verified it).</summary>
    public bool HasMessageAuthenticator => Request.HasMessageAuthenticator;

    public bool IsPap => Request.Contains(RadiusAttributeType.UserPassword);

    public bool IsChap => Request.Contains(RadiusAttributeType.ChapPassword);

    public string? UserName => Request.GetString(RadiusAttributeType.UserName);

    /// <summary>A reply with the request's Identifier; the server finishes it (see <see cref="IAccessRequestHandler"/>).</summary>
    public RadiusPacket CreateResponse(RadiusCode code) => Request.CreateResponse(code);

    /// <summary>
    /// Recovers a PAP User-Password (RFC 2865 §5.2). An all-NUL value (MikroTik MAC login with an empty password)
    /// gives "". False when the request has no User-Password or it is malformed.
    /// </summary>
    public bool TryGetPapPassword([NotNullWhen(true)] out string? password)
    {
        password = null;
        if (!Request.TryGet(RadiusAttributeType.UserPassword, out var hidden))
        {
            return false;
        }

        try
        {
            password = RadiusPassword.Recover(hidden.Value.Span, Client.Secret.Span, Request.Authenticator.Span);
            return true;
        }
        catch (MalformedPacketException)
        {
            return false;
        }
    }

    /// <summary>Checks <paramref name="cleartext"/> against the PAP or CHAP credentials, whichever the request carries.</summary>
    public bool VerifyPassword(string cleartext)
    {
        ArgumentNullException.ThrowIfNull(cleartext);
        var bytes = Encoding.UTF8.GetBytes(cleartext);
        try
        {
            return VerifyPassword(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>PAP: recover and compare in constant time. CHAP: MD5(ident ‖ password ‖ challenge), CHAP-Challenge or else the Request Authenticator.</summary>
    public bool VerifyPassword(ReadOnlySpan<byte> cleartext)
    {
        if (Request.TryGet(RadiusAttributeType.UserPassword, out var hidden))
        {
            try
            {
                return RadiusPassword.Verify(hidden.Value.Span, Client.Secret.Span, Request.Authenticator.Span, cleartext);
            }
            catch (MalformedPacketException)
            {
                return false;
            }
        }

        return Chap.VerifyRequest(Request, cleartext);
    }
}
