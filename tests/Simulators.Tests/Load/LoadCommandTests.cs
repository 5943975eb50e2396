using System.Net;
using WifiBilling.Simulators.Load;

namespace WifiBilling.Simulators.Tests.Load;

/// <summary>The <c>load</c> command line: options become settings, and a wrong option is named in the error.</summary>
public sealed class LoadCommandTests
{
    [Fact]
    public void Parse_OpenLoopWithADuration_RunsRateTimesDurationRequests_WithAPerRouterSecret()
    {
        var (settings, json) = LoadCommand.Parse(
            ["--server", "127.0.0.1", "--secret", "s-{router}", "--kind", "chap", "--rate", "5000", "--duration", "2s",
             "--routers", "200", "--distinct-addresses", "--source-address", "127.0.1.1", "--timeout", "1.1s", "--json"]);

        json.Should().BeTrue();
        settings.Kind.Should().Be(LoadKind.Chap);
        settings.Rate.Should().Be(5000);
        settings.Requests.Should().Be(10_000);
        settings.Timeout.Should().Be(TimeSpan.FromMilliseconds(1100));
        settings.SecretFor(17).Should().Be("s-17");
        settings.DistinctAddresses.Should().BeTrue();
        settings.SourceAddress.Should().Be(IPAddress.Parse("127.0.1.1"));
    }

    [Theory]
    [InlineData(new[] { "--server", "127.0.0.1", "--secret", "s", "--colour", "red" }, "--colour")]
    [InlineData(new[] { "--server", "127.0.0.1", "--secret", "s", "--duration", "10s" }, "--duration")]
    [InlineData(new[] { "--server", "localhost", "--secret", "s" }, "--server")]
    [InlineData(new[] { "--server", "127.0.0.1", "--secret", "s", "--kind", "coa" }, "--kind")]
    [InlineData(new[] { "--server", "127.0.0.1", "--secret", "s", "--requests", "many" }, "--requests")]
    public void Parse_AWrongOption_IsNamedInTheError(string[] args, string option)
    {
        var parse = () => LoadCommand.Parse(args);

        parse.Should().Throw<FormatException>().WithMessage($"*{option}*");
    }

    [Fact]
    public void Problem_PapWithoutVouchers_AsksForTheVoucherFile()
    {
        var (settings, _) = LoadCommand.Parse(["--server", "127.0.0.1", "--secret", "s"]);

        settings.Problem().Should().Contain("--vouchers");
    }
}
