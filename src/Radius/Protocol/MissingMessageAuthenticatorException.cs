namespace WifiBilling.Radius.Protocol;

/// <summary>A Message-Authenticator is required (Status-Server, RFC 5997 §3; or by configuration) but absent.</summary>
public sealed class MissingMessageAuthenticatorException(string message) : MessageAuthenticatorException(message);
