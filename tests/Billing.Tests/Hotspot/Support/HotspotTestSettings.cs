namespace WifiBilling.Billing.Tests.Hotspot.Support;

/// <summary>Settings every hotspot test host shares (the billing rig, and the Portal factory that links this file).</summary>
public static class HotspotTestSettings
{
    /// <summary>
    /// RADIUS and CoA on loopback with ports chosen by the OS. The CoA client waits on the fake clock: long waits, so a
    /// test moving the clock while a Disconnect is in flight on loopback does not time it out (the no-answer test moves
    /// it on purpose), and a claim that outlasts them. No Idle-Timeout, so clock jumps do not log quiet clients out.
    /// </summary>
    public static Dictionary<string, string?> Loopback(string databasePath, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = databasePath,
            ["Radius:AuthPort"] = "0",
            ["Radius:AcctPort"] = "0",
            ["Radius:BindAddress"] = "127.0.0.1",
            ["Radius:Coa:BindAddress"] = "127.0.0.1",
            ["Radius:Coa:Timeout"] = "00:01:00",
            ["Radius:Coa:MaxTimeout"] = "00:04:00",
            ["Hotspot:DisconnectLease"] = "00:30:00",
            ["Hotspot:IdleTimeoutSeconds"] = "0",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}
