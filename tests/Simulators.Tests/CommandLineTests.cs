using System.Diagnostics;
using WifiBilling.Simulators.Load;

namespace WifiBilling.Simulators.Tests;

/// <summary>
/// The simulators executable run as an operator runs it (<c>dotnet run --project src/Simulators -- load --help</c>):
/// help goes to standard output with exit code 0, a mistake to standard error with exit code 2.
/// </summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("daraja", "--callback-delay")]
    [InlineData("hotspot", "--voucher")]
    [InlineData("load", "--concurrency")]
    public async Task CommandHelp_PrintsItsOptions_AndSucceeds(string command, string option)
    {
        var (exitCode, output, error) = await RunAsync(command, "--help");

        exitCode.Should().Be(0, error);
        output.Should().StartWith($"usage: {command}").And.Contain(option);
    }

    [Fact]
    public async Task Help_ListsEveryCommand_AndSucceeds()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        exitCode.Should().Be(0);
        output.Should().Contain("daraja").And.Contain("hotspot").And.Contain("load");
    }

    [Fact]
    public async Task AnUnknownCommand_IsAMistake()
    {
        var (exitCode, output, error) = await RunAsync("radius");

        exitCode.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("usage: WifiBilling.Simulators");
    }

    [Fact]
    public async Task AWrongOption_IsNamed_WithTheUsage()
    {
        var (exitCode, _, error) = await RunAsync("load", "--server", "127.0.0.1", "--secret", "s", "--colour", "red");

        exitCode.Should().Be(2);
        error.Should().Contain("--colour").And.Contain("usage: load");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(LoadCommand).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
