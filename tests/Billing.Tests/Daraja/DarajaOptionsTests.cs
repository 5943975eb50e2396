using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class DarajaOptionsTests
{
    [Fact]
    public void Bind_SeedTopLevelNames_WinOverTheDarajaSection()
    {
        var options = Resolve(new Dictionary<string, string?>
        {
            ["Daraja:ConsumerKey"] = "section-key",
            ["Daraja:ConsumerSecret"] = "section-secret",
            ["Daraja:ShortCode"] = "600000",
            ["Daraja:PassKey"] = "section-passkey",
            ["Daraja:Environment"] = "Production",
            ["Daraja:CallbackBaseUrl"] = "https://wifi.example.co.ke",
            ["MPESA_CONSUMER_KEY"] = "seed-key",
            ["MPESA_CONSUMER_SECRET"] = "seed-secret",
            ["SHORTCODE"] = "174379",
            ["PASSKEY"] = "seed-passkey",
        });

        options.ConsumerKey.Should().Be("seed-key");
        options.ConsumerSecret.Should().Be("seed-secret");
        options.ShortCode.Should().Be("174379");
        options.PassKey.Should().Be("seed-passkey");
        options.IsConfigured.Should().BeTrue();
        options.BaseUrl.Should().Be(new Uri("https://api.safaricom.co.ke"));
    }

    [Fact]
    public void Bind_NothingConfigured_IsValidButNotConfigured()
    {
        var options = Resolve(new Dictionary<string, string?>());

        options.IsConfigured.Should().BeFalse();
        options.BaseUrl.Should().Be(new Uri("https://sandbox.safaricom.co.ke"));
        options.TransactionTypeName.Should().Be("CustomerPayBillOnline");
    }

    [Fact]
    public void Till_UsesBuyGoodsWithTheTillAsPartyB()
    {
        var options = Resolve(Configured(("Daraja:TransactionType", "Till"), ("Daraja:TillNumber", "5678901")));

        options.TransactionTypeName.Should().Be("CustomerBuyGoodsOnline");
        options.PartyB.Should().Be("5678901");
    }

    [Theory]
    [InlineData("SHORTCODE", "1234", "SHORTCODE")]
    [InlineData("SHORTCODE", "17437912", "5 to 7 digits")]
    [InlineData("PASSKEY", "", "Daraja:PassKey (PASSKEY) is required")]
    [InlineData("Daraja:TransactionType", "Till", "Daraja:TillNumber is required")]
    [InlineData("Daraja:BaseUrlOverride", "ftp://sim", "Daraja:BaseUrlOverride")]
    [InlineData("Daraja:RequestTimeout", "00:00:00", "Daraja:RequestTimeout")]
    [InlineData("Daraja:CallbackBaseUrl", "https://mpesa.example.co.ke", "\"mpesa\"")]
    [InlineData("Daraja:CallbackBaseUrl", "https://pay.example.co.ke/SQL", "\"sql\"")]
    public void Validate_BadSetting_FailsWithAMessageNamingIt(string key, string value, string expected)
    {
        var act = () => Resolve(Configured((key, value)));

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Validate_ProductionCallbackOverHttp_Fails()
    {
        var act = () => Resolve(Configured(("Daraja:Environment", "Production"), ("Daraja:CallbackBaseUrl", "http://wifi.example.co.ke")));

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Daraja:CallbackBaseUrl must use https in production");
    }

    [Fact]
    public void Validate_ProductionWithoutCallbackBaseUrl_Fails()
    {
        var act = () => Resolve(Configured(("Daraja:Environment", "Production")));

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Daraja:CallbackBaseUrl is required in production");
    }

    [Fact]
    public void Validate_SandboxCallbackOverHttp_IsAllowed() =>
        Resolve(Configured(("Daraja:CallbackBaseUrl", "http://localhost:8080"))).CallbackBaseUrl.Should().NotBeNull();

    [Fact]
    public void CallbackUrlRules_HexSecretPath_IsAccepted() =>
        DarajaCallbackUrlRules.Check(new Uri("https://wifi.example.co.ke/api/payments/callback/9f2c4e1ab07d"), DarajaEnvironment.Production)
            .Should().BeNull();

    internal static Dictionary<string, string?> Configured(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MPESA_CONSUMER_KEY"] = "key",
            ["MPESA_CONSUMER_SECRET"] = "secret",
            ["SHORTCODE"] = "174379",
            ["PASSKEY"] = "passkey",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static DarajaOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddDarajaClient(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DarajaOptions>>().Value;
    }
}
