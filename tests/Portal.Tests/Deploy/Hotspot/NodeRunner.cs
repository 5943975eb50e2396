using System.Diagnostics;

namespace WifiBilling.Portal.Tests.Deploy.Hotspot;

/// <summary>Runs a JavaScript program with the real `node` and returns what it printed.</summary>
internal static class NodeRunner
{
    public static bool IsInstalled => FindNode() is not null;

    public static async Task<string> RunAsync(string program, string standardInput, params string[] arguments)
    {
        var node = FindNode() ?? throw new InvalidOperationException("node is not installed");
        var programFile = Path.Combine(Path.GetTempPath(), $"wifibilling-{Guid.NewGuid():N}.js");
        await File.WriteAllTextAsync(programFile, program);
        try
        {
            var start = new ProcessStartInfo(node)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(programFile);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"node exited with {process.ExitCode}: {await error}");
        }
        finally
        {
            File.Delete(programFile);
        }
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);
}
