using System.Diagnostics;

namespace WifiBilling.Portal.Tests.Deploy.Docker;

/// <summary>
/// No Docker engine runs here, so the image is checked in parts: its `dotnet publish` line (parsed from the
/// Dockerfile) is run outside Docker, and the output is started with the image's ENV (/data mapped to a temp folder)
/// until /health answers 200 — asked both over HTTP and with the image's own HEALTHCHECK command.
/// </summary>
public sealed class PublishedPortalTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly DockerfileModel _dockerfile = DockerfileModel.Parse(File.ReadAllText(RepositoryPaths.Dockerfile));

    [Fact]
    public void Dockerfile_builds_with_the_SDK_runs_on_ASPNET_as_non_root_with_ports_volume_and_healthcheck()
    {
        _dockerfile.BaseImages.Should().Equal("mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0");
        _dockerfile.PublishArguments.Should().StartWith(["src/Portal", "-c", "Release", "-o", "/app"]);
        _dockerfile.User.Should().Be("$APP_UID", "the aspnet image's non-root user");
        _dockerfile.Exposed.Should().BeEquivalentTo("8080/tcp", "1812/udp", "1813/udp");
        _dockerfile.Volumes.Should().Equal("/data");
        _dockerfile.Environment.Should().Contain("Storage__Sqlite__Path", "/data/wifibilling.db")
            .And.Contain("Portal__DataDirectory", "/data")
            .And.Contain("ASPNETCORE_URLS", "http://+:8080");
        _dockerfile.HealthcheckCommand.Should().HaveCount(3).And.Subject.Last().Should().Contain("/health");
        _dockerfile.Entrypoint.Should().Equal("dotnet", "WifiBilling.Portal.dll");
    }

    [Fact]
    public async Task Published_portal_starts_with_the_images_environment_and_reports_healthy()
    {
        var temp = Directory.CreateTempSubdirectory("wifibilling-publish-");
        try
        {
            var app = Path.Combine(temp.FullName, "app");
            var data = Path.Combine(temp.FullName, "data");
            await PublishAsync(app, Path.Combine(temp.FullName, "artifacts"));
            var dll = Path.Combine(app, _dockerfile.Entrypoint[1]);
            File.Exists(dll).Should().BeTrue("ENTRYPOINT runs {0}", _dockerfile.Entrypoint[1]);

            var port = LoopbackPort.Free();
            using var portal = StartPortal(dll, app, ImageEnvironment(data, port));
            await PortalHealth.WaitAsync(portal, port, StartTimeout, "the published portal");

            (await RunHealthcheckAsync(port)).Should().Be(0, "the image's HEALTHCHECK must pass against a healthy portal");
            File.Exists(Path.Combine(data, "admin-api-key.sha256")).Should().BeTrue("Portal__DataDirectory=/data must be honoured");

            // The memory budget (docs/benchmarks.md, Memory) depends on these GC settings reaching the published app.
            var runtimeConfig = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "WifiBilling.Portal.runtimeconfig.json")))
                .RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
            runtimeConfig.GetProperty("System.GC.Server").GetBoolean().Should().BeFalse();
            runtimeConfig.GetProperty("System.GC.ConserveMemory").GetInt32().Should().Be(9);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>The Dockerfile's publish arguments, with only the output folder moved out of /app.</summary>
    private async Task PublishAsync(string output, string artifacts)
    {
        var arguments = _dockerfile.PublishArguments.ToList();
        arguments[arguments.IndexOf("-o") + 1] = output;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add("publish");
        arguments.ForEach(start.ArgumentList.Add);
        start.ArgumentList.Add("-nologo");
        // A build tree of its own, as the image has: no fighting over bin/obj with the build that runs these tests.
        start.Environment["WB_ARTIFACTS"] = artifacts;

        var (exitCode, log) = await RunAsync(start, PublishTimeout);
        exitCode.Should().Be(0, "dotnet publish {0} failed:\n{1}", string.Join(' ', arguments), log);
    }

    /// <summary>The image's ENV, with /data mapped to a temp folder, the web port free and RADIUS on any port.</summary>
    private Dictionary<string, string> ImageEnvironment(string data, int port)
    {
        var environment = _dockerfile.Environment.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.StartsWith("/data", StringComparison.Ordinal) ? data + pair.Value["/data".Length..] : pair.Value);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["Radius__AuthPort"] = "0";
        environment["Radius__AcctPort"] = "0";
        return environment;
    }

    private static RunningProcess StartPortal(string dll, string workingDirectory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(dll);
        // Settings of the machine running the tests must not leak in (e.g. a MONGO_URI would switch the store).
        foreach (var name in new[] { "ADMIN_API_KEY", "MONGO_URI", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return RunningProcess.Start(start);
    }

    /// <summary>Runs the Dockerfile's HEALTHCHECK command against the given port; its exit code.</summary>
    private async Task<int> RunHealthcheckAsync(int port)
    {
        var command = _dockerfile.HealthcheckCommand;
        var start = new ProcessStartInfo(command[0]);
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument.Replace("/8080", $"/{port}", StringComparison.Ordinal));
        }

        return (await RunAsync(start, TimeSpan.FromSeconds(30))).ExitCode;
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = RunningProcess.Start(start);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran longer than {timeout}:\n{process.Output}");
        }

        return (process.ExitCode, process.Output);
    }
}
