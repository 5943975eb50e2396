using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Dictionary;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius.Tests.Server;

public sealed class RadiusServiceCollectionTests
{
    [Fact]
    public void AddRadiusServer_Defaults_Are1812And1813OnEveryAddress()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<RadiusServerOptions>>().Value;

        options.AuthPort.Should().Be(1812);
        options.AcctPort.Should().Be(1813);
        options.BindAddress.Should().BeNull();
        provider.GetRequiredService<RadiusDictionary>().Should().BeSameAs(RadiusDictionary.Default);
        provider.GetRequiredService<IRadiusClientRegistry>().Should().BeOfType<InMemoryRadiusClientRegistry>();
        provider.GetServices<IHostedService>().Should().ContainSingle().Which.Should().BeSameAs(provider.GetRequiredService<RadiusServer>());
    }

    [Theory]
    [InlineData("Radius:AuthPort", "70000", "AuthPort")]
    [InlineData("Radius:AcctPort", "-1", "AcctPort")]
    [InlineData("Radius:BindAddress", "not-an-address", "BindAddress")]
    [InlineData("Radius:AcctPort", "1812", "must differ")]
    public async Task InvalidSettings_StopTheHostAtStartWithAMessageNamingTheSetting(string key, string value, string named)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddRadiusServer(builder.Configuration);
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(named);
    }

    [Fact]
    public void AddRadiusCoaClient_BindsRadiusCoaSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Radius:Coa:DefaultPort"] = "1700",
            ["Radius:Coa:Retries"] = "4",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddRadiusCoaClient(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RadiusCoaClientOptions>>().Value;

        options.DefaultPort.Should().Be(1700);
        options.Retries.Should().Be(4);
        provider.GetRequiredService<IRadiusCoaClient>().Should().BeSameAs(provider.GetRequiredService<RadiusCoaClient>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddRadiusServer(configuration).BuildServiceProvider();
    }
}
