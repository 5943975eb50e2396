namespace WifiBilling.Radius.Protocol;

/// <summary>Common base of the Message-Authenticator (RFC 3579 §3.2) failures, so a server can tell BlastRADIUS rejects apart.</summary>
public abstract class MessageAuthenticatorException(string message) : RadiusPacketException(message);
