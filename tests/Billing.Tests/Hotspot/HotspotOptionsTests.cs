using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot;

/// <summary>Section <c>Hotspot</c>: defaults, and bad settings refused with their name.</summary>
public sealed class HotspotOptionsTests
{
    [Fact]
    public void Defaults_AreWhatTheBriefAsks()
    {
        var options = Resolve([]);

        options.Language.Should().Be(ReplyLanguage.En);
        options.InterimIntervalSeconds.Should().Be(300);
        options.StaleAfterIntervals.Should().Be(3);
        options.RegistryRefreshInterval.Should().Be(TimeSpan.FromSeconds(2));
        options.MaxRejectDelay.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("Hotspot:InterimIntervalSeconds", "5", "InterimIntervalSeconds")]
    [InlineData("Hotspot:StaleAfterIntervals", "1", "StaleAfterIntervals")]
    [InlineData("Hotspot:MaxRejectDelay", "00:01:00", "MaxRejectDelay")]
    [InlineData("Hotspot:RejectDelay", "00:00:05", "Hotspot:MaxRejectDelay must not be shorter")]
    [InlineData("Hotspot:Language", "fr", "Hotspot:Language")]
    public void BadSetting_IsRefusedNamingIt(string key, string value, string named)
    {
        var resolve = () => Resolve(new Dictionary<string, string?> { [key] = value });

        resolve.Should().Throw<Exception>().Where(e => e.Message.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Swahili_IsAvailableByConfiguration() =>
        Resolve(new Dictionary<string, string?> { ["Hotspot:Language"] = "sw" }).Language.Should().Be(ReplyLanguage.Sw);

    private static HotspotOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddHotspot(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<HotspotOptions>>().Value;
    }
}
