namespace WifiBilling.Radius.Server;

/// <summary>Which of the two UDP ports a request arrived on.</summary>
public enum RadiusListenerKind
{
    /// <summary>Port 1812: Access-Request and Status-Server.</summary>
    Authentication,

    /// <summary>Port 1813: Accounting-Request and Status-Server.</summary>
    Accounting,
}
