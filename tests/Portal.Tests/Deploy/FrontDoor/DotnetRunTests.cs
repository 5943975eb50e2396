using System.Diagnostics;
using System.Net;
using WifiBilling.Portal.Tests.Deploy.Docker;

namespace WifiBilling.Portal.Tests.Deploy.FrontDoor;

/// <summary>
/// The front door as the README gives it: <c>dotnet run --project src/Portal</c> typed in some folder starts the whole
/// system with its data in that folder's <c>./data</c> (not inside src/Portal), the pages served, and the admin key printed once.
/// </summary>
public sealed class DotnetRunTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Dotnet_run_serves_the_pages_and_keeps_its_data_in_the_folder_it_was_started_from()
    {
        var operatorFolder = Directory.CreateTempSubdirectory("wifibilling-run-");
        try
        {
            var port = LoopbackPort.Free();
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = operatorFolder.FullName };
            // Built already by the build that runs these tests (same configuration, same WB_ARTIFACTS).
            foreach (var argument in new[] { "run", "--no-build", "-c", Configuration, "--project", Path.Combine(RepositoryPaths.Root, "src", "Portal") })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in new[] { "ADMIN_API_KEY", "MONGO_URI", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "MPESA_CONSUMER_KEY" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["Radius__AuthPort"] = "0";
            start.Environment["Radius__AcctPort"] = "0";
            using var portal = RunningProcess.Start(start);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

            await PortalHealth.WaitAsync(portal, port, StartTimeout, "dotnet run");

            var buyPage = await http.GetStringAsync(new Uri("/", UriKind.Relative));
            buyPage.Should().Contain("<html", "the buy page is served from the build output when the folder has no wwwroot");
            (await http.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await http.GetAsync(new Uri("/buy.js", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            var info = await http.GetStringAsync(new Uri("/api/portal/info", UriKind.Relative));
            info.Should().Contain("\"simulatedPayments\":true", "no Daraja credentials: the built-in simulator");

            var data = Path.Combine(operatorFolder.FullName, "data");
            File.Exists(Path.Combine(data, "wifibilling.db")).Should().BeTrue("SQLite lives under ./data of the folder the command was typed in");
            File.Exists(Path.Combine(data, "admin-api-key.sha256")).Should().BeTrue();
            portal.Output.Should().Contain("Admin API key (shown once");
        }
        finally
        {
            operatorFolder.Delete(recursive: true);
        }
    }
}
