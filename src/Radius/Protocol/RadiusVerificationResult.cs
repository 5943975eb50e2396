namespace WifiBilling.Radius.Protocol;

/// <summary>Outcome of <see cref="RadiusPacketCodec.TryVerify"/>.</summary>
public enum RadiusVerificationResult
{
    Valid,
    InvalidAuthenticator,
    MissingMessageAuthenticator,
    InvalidMessageAuthenticator,
    UnsupportedCode,
}
