namespace WifiBilling.Billing.Hotspot;

/// <summary>Which language the Reply-Message of an Access-Reject is written in (setting <c>Hotspot:Language</c>).</summary>
public enum ReplyLanguage
{
    /// <summary>English only (the default).</summary>
    En = 0,

    /// <summary>Swahili only.</summary>
    Sw = 1,

    /// <summary>English, then Swahili, in one message ("… / …").</summary>
    Both = 2,
}
