using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// How RouterOS decides whether a datagram answers its request (mikrotik.md §2.4, §5.2): the Identifier matches, the
/// code fits the request, the Response Authenticator is right for the shared secret, and for Access replies with
/// <c>require-message-auth=yes-for-request-resp</c> a valid Message-Authenticator is present. Anything else is a bad reply.
/// </summary>
internal static class RouterOsReplyCheck
{
    public static bool IsValidReply(
        RadiusCode requestCode,
        byte requestIdentifier,
        ReadOnlySpan<byte> requestAuthenticator,
        ReadOnlySpan<byte> datagram,
        ReadOnlySpan<byte> secret,
        bool requireMessageAuthenticator,
        out RadiusPacketView reply)
    {
        reply = default;
        try
        {
            reply = RadiusPacketCodec.Read(datagram);
        }
        catch (RadiusPacketException)
        {
            return false;
        }

        var isAccess = requestCode == RadiusCode.AccessRequest;
        var expected = isAccess ? reply.Code.IsAccessResponse() : reply.Code == RadiusCode.AccountingResponse;
        return reply.Identifier == requestIdentifier
            && expected
            && RadiusPacketCodec.TryVerify(reply, secret, requestAuthenticator, requireMessageAuthenticator && isAccess) == RadiusVerificationResult.Valid;
    }
}
