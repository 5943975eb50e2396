using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Tests.Storage;

namespace WifiBilling.Billing.Tests.Payments;

public sealed class PaymentsOptionsTests : IDisposable
{
    private readonly string _folder = SqliteBackend.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Defaults_AreValid()
    {
        new PaymentsOptionsValidator().Validate(null, new PaymentsOptions()).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("too-short", "Payments:CallbackKey (MPESA_CALLBACK_KEY)")]
    [InlineData("zz0123456789abcdef0123456789abcdef", "hexadecimal")]
    public void CallbackKey_MustBeLongHex(string key, string message)
    {
        var result = new PaymentsOptionsValidator().Validate(null, new PaymentsOptions { CallbackKey = key });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(message);
    }

    [Fact]
    public void Limits_AreCheckedAndNamed()
    {
        var options = new PaymentsOptions();
        options.PushLimits.PerPhone = 0;
        options.PushLimits.AttemptsPerIp = 1;
        options.Reconciler.GiveUpAfter = TimeSpan.Zero;
        options.Reconciler.LateQueries = [TimeSpan.FromMinutes(-1)];

        var result = new PaymentsOptionsValidator().Validate(null, options);

        result.Failures.Should().Contain(f => f.Contains("Payments:PushLimits:PerPhone", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("Payments:PushLimits:AttemptsPerIp must be at least PushLimits:PerIp", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("Payments:Reconciler:GiveUpAfter", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("Payments:Reconciler:LateQueries", StringComparison.Ordinal));
    }

    [Fact]
    public void RealDaraja_WithoutACallbackBaseUrl_IsRefused_ButNotInDemoMode()
    {
        var daraja = new DarajaOptions { ConsumerKey = "key", ConsumerSecret = "secret", ShortCode = "174379", PassKey = "pass" };

        var real = new PaymentsDarajaOptionsValidator(Options.Create(new PaymentsOptions())).Validate(null, daraja);
        var demo = new PaymentsDarajaOptionsValidator(Options.Create(new PaymentsOptions { Simulated = true })).Validate(null, daraja);

        real.FailureMessage.Should().Contain("Daraja:CallbackBaseUrl is required");
        demo.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void CallbackKey_IsGeneratedOnce_KeptInTheDataDirectory_AsHex()
    {
        var first = Key(new PaymentsOptions { DataDirectory = _folder });
        var second = Key(new PaymentsOptions { DataDirectory = _folder });

        first.Value.Should().MatchRegex("^[0-9a-f]{64}$");
        second.Value.Should().Be(first.Value, "the key survives restarts");
        first.Source.Should().EndWith(PaymentCallbackKey.FileName);
        File.ReadAllText(Path.Combine(_folder, PaymentCallbackKey.FileName)).Should().Be(first.Value);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_folder, PaymentCallbackKey.FileName)).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        DarajaCallbackUrlRules.Check(new Uri("https://wifi.example.co.ke/api/payments/callback/" + first.Value), DarajaEnvironment.Production)
            .Should().BeNull("a hex key can never spell a word Daraja refuses");
    }

    [Fact]
    public void CallbackKey_Configured_Wins_AndMatchesInConstantTime_CaseInsensitively()
    {
        var configured = new string('a', 30) + "0123456789";

        var key = Key(new PaymentsOptions { DataDirectory = _folder, CallbackKey = configured });

        key.Source.Should().Be("MPESA_CALLBACK_KEY");
        key.Matches(configured).Should().BeTrue();
        key.Matches(configured.ToUpperInvariant()).Should().BeTrue();
        key.Matches(configured[..^1]).Should().BeFalse();
        key.Matches(null).Should().BeFalse();
        key.Matches(string.Empty).Should().BeFalse();
        File.Exists(Path.Combine(_folder, PaymentCallbackKey.FileName)).Should().BeFalse();
    }

    [Fact]
    public void CallbackKey_CorruptFile_StopsStartWithAMessage()
    {
        File.WriteAllText(Path.Combine(_folder, PaymentCallbackKey.FileName), "not a key");

        var act = () => Key(new PaymentsOptions { DataDirectory = _folder });

        act.Should().Throw<InvalidOperationException>().WithMessage("*delete it*MPESA_CALLBACK_KEY*");
    }

    private static PaymentCallbackKey Key(PaymentsOptions options) =>
        new(Options.Create(options), NullLogger<PaymentCallbackKey>.Instance);
}
