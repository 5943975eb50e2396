using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WifiBilling.Radius.Tests.Support;

/// <summary>Runs FreeRADIUS's radclient (package freeradius-utils, installed by ./test.sh) and reads what it received.</summary>
public static partial class Radclient
{
    public static bool IsInstalled { get; } = File.Exists("/usr/bin/radclient") || (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "radclient")));

    /// <summary>Sends the attribute lines in <paramref name="input"/> once (one try, 2 s wait) and returns radclient's view.</summary>
    public static async Task<RadclientResult> SendAsync(string server, string command, string secret, string input, int timeoutSeconds = 2)
    {
        var start = new ProcessStartInfo("radclient")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-x", "-r", "1", "-t", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), server, command, secret })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("radclient did not start");
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return RadclientResult.From(process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"^Received (?<code>[A-Za-z-]+) Id \d+", RegexOptions.Multiline)]
    internal static partial Regex ReceivedLine();

    [GeneratedRegex(@"^\s+(?<name>[A-Za-z0-9-]+) = (?<value>.*)$", RegexOptions.Multiline)]
    internal static partial Regex AttributeLine();
}

public sealed record RadclientResult(int ExitCode, string Output, string? ReceivedCode, IReadOnlyDictionary<string, string> Attributes)
{
    public static RadclientResult From(int exitCode, string output)
    {
        var received = Radclient.ReceivedLine().Match(output);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (received.Success)
        {
            foreach (Match line in Radclient.AttributeLine().Matches(output[received.Index..]))
            {
                attributes.TryAdd(line.Groups["name"].Value, line.Groups["value"].Value.Trim());
            }
        }

        return new RadclientResult(exitCode, output, received.Success ? received.Groups["code"].Value : null, attributes);
    }
}
