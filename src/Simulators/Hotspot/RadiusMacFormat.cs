namespace WifiBilling.Simulators.Hotspot;

/// <summary>The hotspot profile's <c>radius-mac-format</c> (RouterOS v7 values; mikrotik.md §1.2c).</summary>
public enum RadiusMacFormat
{
    /// <summary><c>XX:XX:XX:XX:XX:XX</c> (the default).</summary>
    ColonPairs = 0,

    /// <summary><c>XXXX:XXXX:XXXX</c>.</summary>
    ColonQuads = 1,

    /// <summary><c>XXXXXX:XXXXXX</c>.</summary>
    ColonHalves = 2,

    /// <summary><c>XX-XX-XX-XX-XX-XX</c>.</summary>
    DashPairs = 3,

    /// <summary><c>XXXXXX-XXXXXX</c>.</summary>
    DashHalves = 4,

    /// <summary><c>XXXXXXXXXXXX</c>.</summary>
    Plain = 5,

    /// <summary><c>XX XX XX XX XX XX</c>.</summary>
    SpacePairs = 6,
}
