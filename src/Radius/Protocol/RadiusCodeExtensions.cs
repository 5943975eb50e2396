namespace WifiBilling.Radius.Protocol;

/// <summary>How each packet code is authenticated; the table of RFC 2865 §3, RFC 2866 §3 and RFC 5176 §2.3.</summary>
public static class RadiusCodeExtensions
{
    /// <summary>
    /// Requests whose Request Authenticator is MD5(Code|Id|Length|16 zero octets|Attributes|Secret):
    /// Accounting-Request (RFC 2866 §3) and CoA/Disconnect-Request (RFC 5176 §2.3).
    /// </summary>
    public static bool HasKeyedRequestAuthenticator(this RadiusCode code) =>
        code is RadiusCode.AccountingRequest or RadiusCode.DisconnectRequest or RadiusCode.CoaRequest;

    /// <summary>Requests that carry 16 random octets as their Request Authenticator (RFC 2865 §3, RFC 5997 §3).</summary>
    public static bool HasRandomRequestAuthenticator(this RadiusCode code) =>
        code is RadiusCode.AccessRequest or RadiusCode.StatusServer;

    /// <summary>Every request code this library knows.</summary>
    public static bool IsRequest(this RadiusCode code) =>
        code.HasKeyedRequestAuthenticator() || code.HasRandomRequestAuthenticator();

    /// <summary>Every response code; their authenticator is MD5(Code|Id|Length|RequestAuth|Attributes|Secret).</summary>
    public static bool IsResponse(this RadiusCode code) =>
        code is RadiusCode.AccessAccept or RadiusCode.AccessReject or RadiusCode.AccessChallenge
            or RadiusCode.AccountingResponse or RadiusCode.StatusClient
            or RadiusCode.DisconnectAck or RadiusCode.DisconnectNak or RadiusCode.CoaAck or RadiusCode.CoaNak;

    /// <summary>Access-Accept, Access-Reject and Access-Challenge: RouterOS ≥ 7.15 requires a Message-Authenticator in them.</summary>
    public static bool IsAccessResponse(this RadiusCode code) =>
        code is RadiusCode.AccessAccept or RadiusCode.AccessReject or RadiusCode.AccessChallenge;
}
