namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// Settings of the Daraja client, bound from the <c>Daraja</c> configuration section. The seed's top-level names
/// <c>MPESA_CONSUMER_KEY</c>, <c>MPESA_CONSUMER_SECRET</c>, <c>SHORTCODE</c> and <c>PASSKEY</c> win when set.
/// </summary>
public sealed class DarajaOptions
{
    public const string SectionName = "Daraja";
    public const string SandboxBaseUrl = "https://sandbox.safaricom.co.ke";
    public const string ProductionBaseUrl = "https://api.safaricom.co.ke";

    /// <summary>Consumer key of the Daraja app (seed name <c>MPESA_CONSUMER_KEY</c>). Secret: never logged.</summary>
    public string? ConsumerKey { get; set; }

    /// <summary>Consumer secret of the Daraja app (seed name <c>MPESA_CONSUMER_SECRET</c>). Secret: never logged.</summary>
    public string? ConsumerSecret { get; set; }

    /// <summary>BusinessShortCode: the PayBill number, or the store (head office) number of a till (seed name <c>SHORTCODE</c>).</summary>
    public string? ShortCode { get; set; }

    /// <summary>Lipa Na M-Pesa Online passkey (seed name <c>PASSKEY</c>). Secret: never logged.</summary>
    public string? PassKey { get; set; }

    public DarajaEnvironment Environment { get; set; } = DarajaEnvironment.Sandbox;

    /// <summary>Replaces the environment's base URL, e.g. to point the client at the Daraja simulator.</summary>
    public Uri? BaseUrlOverride { get; set; }

    public DarajaTransactionType TransactionType { get; set; } = DarajaTransactionType.PayBill;

    /// <summary>Till number (PartyB) when <see cref="TransactionType"/> is <see cref="DarajaTransactionType.Till"/>.</summary>
    public string? TillNumber { get; set; }

    /// <summary>Public base URL Safaricom posts callbacks to (e.g. https://wifi.example.co.ke); the payment code appends its path.</summary>
    public Uri? CallbackBaseUrl { get; set; }

    /// <summary>Time allowed for one STK push or query call before it counts as timed out (outcome unknown for a push).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one OAuth token request attempt.</summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Extra attempts for the OAuth token GET (the only call that is safe to retry blindly).</summary>
    public int TokenRetryCount { get; set; } = 2;

    /// <summary>Base delay between token attempts (exponential with jitter).</summary>
    public TimeSpan TokenRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Refresh the token this long before Daraja says it expires (capped at half the token's lifetime).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when the consumer key and secret are set; without them the Portal runs the built-in simulator.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConsumerKey) && !string.IsNullOrWhiteSpace(ConsumerSecret);

    /// <summary>The base URL every request goes to.</summary>
    public Uri BaseUrl => BaseUrlOverride
        ?? new Uri(Environment == DarajaEnvironment.Production ? ProductionBaseUrl : SandboxBaseUrl);

    /// <summary>PartyB of an STK push: the PayBill shortcode, or the till number for Buy Goods.</summary>
    public string? PartyB => TransactionType == DarajaTransactionType.Till ? TillNumber : ShortCode;

    /// <summary>The TransactionType string Daraja expects.</summary>
    public string TransactionTypeName => TransactionType == DarajaTransactionType.Till
        ? "CustomerBuyGoodsOnline"
        : "CustomerPayBillOnline";
}
