namespace WifiBilling.Simulators.Hotspot;

/// <summary>How the simulated hotspot logs a client in (RouterOS <c>login-by</c>).</summary>
public enum HotspotLoginMethod
{
    /// <summary><c>http-chap</c> (RouterOS' default): the login page posts MD5(chap-id + password + challenge).</summary>
    Chap = 0,

    /// <summary><c>http-pap</c>: the password travels hidden in User-Password (RFC 2865 §5.2).</summary>
    Pap = 1,

    /// <summary><c>mac</c>: User-Name is the device's MAC, the password empty or the MAC (see <see cref="MacAuthMode"/>).</summary>
    Mac = 2,
}
