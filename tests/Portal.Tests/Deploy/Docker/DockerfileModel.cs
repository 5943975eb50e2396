using System.Text.Json;
using System.Text.RegularExpressions;

namespace WifiBilling.Portal.Tests.Deploy.Docker;

/// <summary>
/// The parts of the repository's Dockerfile the tests act on, read from the file itself so the tests cannot drift
/// from it: instructions (backslash continuations joined, comments dropped), the `dotnet publish` arguments,
/// ENV, EXPOSE, USER, VOLUME, HEALTHCHECK and ENTRYPOINT.
/// </summary>
internal sealed partial class DockerfileModel
{
    private DockerfileModel(IReadOnlyList<(string Instruction, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Instruction, string Arguments)> Instructions { get; }

    /// <summary>The arguments after "dotnet publish" in the RUN instruction that publishes.</summary>
    public IReadOnlyList<string> PublishArguments
    {
        get
        {
            var run = Instructions.Single(i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
            var command = run[(run.IndexOf("dotnet publish", StringComparison.Ordinal) + "dotnet publish".Length)..];
            return command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    /// <summary>Every ENV key=value of the file (the runtime stage is the only one that sets any).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Instructions.Where(i => i.Instruction == "ENV")
            .SelectMany(i => EnvPair().Matches(i.Arguments))
            .ToDictionary(match => match.Groups["key"].Value, match => match.Groups["value"].Value);

    public IEnumerable<string> Exposed =>
        Instructions.Where(i => i.Instruction == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public string User => Instructions.Last(i => i.Instruction == "USER").Arguments;

    public IEnumerable<string> Volumes => Instructions.Where(i => i.Instruction == "VOLUME").Select(i => i.Arguments);

    public IReadOnlyList<string> Entrypoint => JsonArray(Instructions.Last(i => i.Instruction == "ENTRYPOINT").Arguments);

    /// <summary>The exec-form command of HEALTHCHECK (after its --options and CMD).</summary>
    public IReadOnlyList<string> HealthcheckCommand
    {
        get
        {
            var arguments = Instructions.Last(i => i.Instruction == "HEALTHCHECK").Arguments;
            return JsonArray(arguments[(arguments.IndexOf("CMD ", StringComparison.Ordinal) + 4)..]);
        }
    }

    public IEnumerable<string> BaseImages => Instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments.Split(' ')[0]);

    public static DockerfileModel Parse(string text)
    {
        var instructions = new List<(string, string)>();
        var current = "";
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue; // comments (and the "# syntax=" directive) may sit inside a continued instruction too
            }

            current += (current.Length > 0 ? " " : "") + line.TrimEnd('\\').Trim();
            if (line.EndsWith('\\'))
            {
                continue;
            }

            if (current.Length > 0)
            {
                var split = current.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add((current[..split].ToUpperInvariant(), current[(split + 1)..].Trim()));
            }

            current = "";
        }

        return new DockerfileModel(instructions);
    }

    private static List<string> JsonArray(string json) => JsonSerializer.Deserialize<List<string>>(json)!;

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S*)")]
    private static partial Regex EnvPair();
}
