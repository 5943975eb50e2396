namespace WifiBilling.Radius.Protocol;

/// <summary>The Message-Authenticator is present but wrong (bad secret or a forged packet, RFC 3579 §3.2).</summary>
public sealed class InvalidMessageAuthenticatorException(string message) : MessageAuthenticatorException(message);
