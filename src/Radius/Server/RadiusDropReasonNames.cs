namespace WifiBilling.Radius.Server;

/// <summary>Operator-facing explanations of drop reasons, for the Warning log.</summary>
internal static class RadiusDropReasonNames
{
    public static string Describe(RadiusDropReason reason) => reason switch
    {
        RadiusDropReason.Malformed => "malformed packet",
        RadiusDropReason.UnexpectedCode => "packet code not served on this port",
        RadiusDropReason.UnknownClient => "unknown client (add the router's address or NAS-Identifier)",
        RadiusDropReason.BadAuthenticator => "bad authenticator (wrong shared secret?)",
        RadiusDropReason.MissingMessageAuthenticator => "Message-Authenticator required but missing",
        RadiusDropReason.BadMessageAuthenticator => "bad Message-Authenticator (wrong shared secret?)",
        RadiusDropReason.DuplicateInProgress => "retransmit of a request still being handled",
        RadiusDropReason.QueueFull => "server overloaded (no free handler slot within a second)",
        RadiusDropReason.NoHandler => "no handler registered",
        RadiusDropReason.HandlerFailed => "handler failed",
        _ => "handler returned an invalid reply",
    };
}
