namespace WifiBilling.Simulators.Hotspot;

/// <summary>The hotspot profile's <c>mac-auth-mode</c> (mikrotik.md §1.2c).</summary>
public enum MacAuthMode
{
    /// <summary>User-Name = MAC, User-Password = <c>mac-auth-password</c> (empty by default).</summary>
    MacAsUsername = 0,

    /// <summary>User-Name = User-Password = MAC.</summary>
    MacAsUsernameAndPassword = 1,
}
