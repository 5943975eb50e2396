namespace WifiBilling.Radius.Protocol;

/// <summary>
/// The Request Authenticator (Accounting/CoA/Disconnect requests) or Response Authenticator does not match:
/// usually a wrong shared secret.
/// </summary>
public sealed class InvalidAuthenticatorException(string message) : RadiusPacketException(message);
