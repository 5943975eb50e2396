using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using WifiBilling.Portal.Tests.Deploy;

namespace WifiBilling.Portal.Tests.Bench;

/// <summary>
/// The two RADIUS benchmark scripts of docs/benchmarks.md, run end to end at a small scale: they build and start the
/// Portal, set it up through the admin API, drive it (and FreeRADIUS) with the load generator, print their report,
/// and stop everything they started. The figures are not judged here (a benchmark is not a timed test); the runs
/// must complete, lose nothing and report what the issue asks for.
/// </summary>
public sealed partial class RadiusBenchScriptTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Shared by both scripts, so the second build is incremental.</summary>
    private static readonly string Artifacts = Path.Combine(Path.GetTempPath(), "wifibilling-bench-test-artifacts");

    [SkippableFact]
    public async Task RadiusVsFreeradius_ComparesBothServers_AndEndsWithTheRatio()
    {
        // The script installs FreeRADIUS itself when it can (root or sudo); so does ./test.sh.
        Skip.IfNot(FreeradiusIsInstalled, "freeradius is not installed; ./test.sh installs it (apt-get install freeradius)");
        var run = await RunScriptAsync("radius-vs-freeradius.sh", new()
        {
            ["VOUCHERS"] = "300", ["ROUTERS"] = "4", ["REQUESTS"] = "3000", ["CONCURRENCY"] = "32", ["ROUNDS"] = "1",
            ["SESSIONS"] = "300",
        });

        run.Lines.Should().Contain(l => l.StartsWith("== freeradius pap round 1", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("== ours pap round 1", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("== ours chap", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("== ours interim", StringComparison.Ordinal));
        run.Lines.Should().Contain(l => MaximumLine().IsMatch(l), "both servers answered every request");
        var ratio = RatioLine().Match(run.Lines[^1]);
        ratio.Success.Should().BeTrue($"the last line is the ratio; it was '{run.Lines[^1]}'");
        decimal.Parse(ratio.Groups[1].Value, CultureInfo.InvariantCulture).Should().BePositive();
        LostCounts(run).Should().NotBeEmpty().And.OnlyContain(lost => lost == 0);
    }

    [Fact]
    public async Task RadiusTargets_RunsEveryTarget_AndReportsTheServersMemory()
    {
        var run = await RunScriptAsync("radius-targets.sh", new()
        {
            ["VOUCHERS"] = "1000", ["ROUTERS"] = "20", ["STORM"] = "500", ["STORM_RATE"] = "1000", ["RATE"] = "500",
            ["DURATION"] = "2s", ["SETTLE"] = "0", ["SESSIONS"] = "500", ["INTERIMS"] = "2000", ["CONCURRENCY"] = "32",
        });

        run.Lines.Where(l => l.StartsWith("== ", StringComparison.Ordinal)).Should().SatisfyRespectively(
            storm => storm.Should().Contain("reboot storm, first logins: 500 from 20 routers"),
            activations => activations.Should().Contain("first login of every voucher"),
            latency => latency.Should().Contain("auth latency: re-logins at 500/s for 2s"),
            again => again.Should().Contain("reboot storm, re-logins"),
            accounting => accounting.Should().Contain("accounting: 500 sessions started, then 2000 Interim-Updates"));
        run.Lines.Count(l => l.TrimStart().StartsWith("server RSS", StringComparison.Ordinal)).Should().Be(5);
        run.Lines.Should().Contain(l => l.Contains("p99", StringComparison.Ordinal) && l.Contains("p99.9", StringComparison.Ordinal));
        LostCounts(run).Should().HaveCount(6, "five runs, the accounting run with its setup phase").And.OnlyContain(lost => lost == 0);
    }

    private static bool FreeradiusIsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/usr/sbin")
            .Any(directory => File.Exists(Path.Combine(directory, "freeradius")));

    private static IEnumerable<int> LostCounts(ScriptRun run) =>
        run.Lines.Select(l => LostCount().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    private static async Task<ScriptRun> RunScriptAsync(string script, Dictionary<string, string> settings)
    {
        // The script's temporary folder goes under this one; every process it starts inherits TMPDIR, which is how
        // the test finds anything left running.
        var temp = Directory.CreateTempSubdirectory("wifibilling-bench-");
        try
        {
            var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "bench", script));
            start.Environment["TMPDIR"] = temp.FullName;
            start.Environment["WB_ARTIFACTS"] = Artifacts;
            foreach (var (name, value) in settings)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(ScriptTimeout))
            {
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }
            }

            var run = new ScriptRun(process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries), await error);
            run.ExitCode.Should().Be(0, $"{script} failed:\n{run.Error}");
            ProcessesStartedUnder(temp.FullName).Should().BeEmpty($"{script} stops everything it started");
            return run;
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    /// <summary>Processes (of this user) whose environment carries the script's TMPDIR.</summary>
    private static List<string> ProcessesStartedUnder(string temp)
    {
        var marker = $"TMPDIR={temp}\0";
        var found = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out _) && File.ReadAllText(Path.Combine(directory, "environ")).Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' '));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's process.
            }
        }

        return found;
    }

    [GeneratedRegex(@"^ratio ours/freeradius: (\d+\.\d\d)$")]
    private static partial Regex RatioLine();

    [GeneratedRegex(@"^maximum PAP throughput: ours [\d,]+/s \(lost 0\), freeradius [\d,]+/s \(lost 0\)$")]
    private static partial Regex MaximumLine();

    [GeneratedRegex(@"\blost\s+([\d,]+)\s+retransmits")]
    private static partial Regex LostCount();

    private sealed record ScriptRun(int ExitCode, string[] Lines, string Error);
}
