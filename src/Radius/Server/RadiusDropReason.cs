namespace WifiBilling.Radius.Server;

/// <summary>Why the server discarded a datagram without answering (RFC 2865 §3: silently discard).</summary>
public enum RadiusDropReason
{
    Malformed,
    UnexpectedCode,
    UnknownClient,
    BadAuthenticator,
    MissingMessageAuthenticator,
    BadMessageAuthenticator,
    DuplicateInProgress,
    QueueFull,
    NoHandler,
    HandlerFailed,
    InvalidReply,
}
