namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// Start-up settings of the Daraja simulator (configuration section <c>DarajaSimulator</c>). Defaults are the public
/// sandbox values, so a client configured for the sandbox works against it unchanged apart from the base URL.
/// </summary>
public sealed class DarajaSimulatorOptions
{
    public const string SectionName = "DarajaSimulator";
    public const string SandboxShortCode = "174379";
    public const string SandboxPassKey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    public const string DefaultConsumerKey = "simulator-consumer-key";
    public const string DefaultConsumerSecret = "simulator-consumer-secret";

    public string ConsumerKey { get; set; } = DefaultConsumerKey;

    public string ConsumerSecret { get; set; } = DefaultConsumerSecret;

    /// <summary>Shortcodes accepted for STK push/query; defaults to the sandbox shortcode 174379 with its passkey.</summary>
    public List<SimulatedMerchant> Merchants { get; set; } = [];

    /// <summary>Production behaviour: https-only callback URLs, one-time C2B registration, no C2B simulate.</summary>
    public bool Production { get; set; }

    /// <summary>Token lifetime reported as expires_in (Daraja: 3599 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>expires_in as the string "3599" (v2 docs, real answers) or the number 3599 (Daraja 3.0 page).</summary>
    public bool ExpiresInAsNumber { get; set; }

    /// <summary>Each new token voids the previous ones ([OFF-AUTH] FAQ).</summary>
    public bool NewTokenInvalidatesPrevious { get; set; } = true;

    /// <summary>How far the push Timestamp may be from Kenya "now" (null: no check). Catches clients that send UTC.</summary>
    public TimeSpan? TimestampTolerance { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Default time from an accepted push to its result (and callback).</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Default lateness of a <see cref="CallbackFault.Late"/> callback after the transaction completed.</summary>
    public TimeSpan LateCallbackDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gap between the two copies of a <see cref="CallbackFault.Duplicate"/> callback.</summary>
    public TimeSpan DuplicateCallbackGap { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Default STK Query answer while pending.</summary>
    public PendingQueryStyle PendingQueryStyle { get; set; } = PendingQueryStyle.Http500;

    /// <summary>Time the simulator waits for a C2B validation answer before applying ResponseType (Daraja: ~8 s).</summary>
    public TimeSpan C2BValidationTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Timeout for posting one callback or C2B notification.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Merchants in effect: <see cref="Merchants"/>, or the sandbox 174379 when none are configured.</summary>
    public IReadOnlyList<SimulatedMerchant> EffectiveMerchants => Merchants.Count > 0
        ? Merchants
        : [new SimulatedMerchant { ShortCode = SandboxShortCode, PassKey = SandboxPassKey }];
}
