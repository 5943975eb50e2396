namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>
/// One command. MenuPath is space-separated ("ip hotspot profile"), empty for ICE commands such as ":local";
/// Verb is "add", "set", ":if", ... A bare <c>{ }</c> statement is Verb "{}" with the block as its only argument.
/// Line is the 1-based line where the command starts.
/// </summary>
public sealed record RscCommand(string MenuPath, string Verb, IReadOnlyList<RscArgument> Arguments, int Line)
{
    public const string BlockVerb = "{}";

    public IEnumerable<RscArgument> Named => Arguments.Where(argument => argument.Name is not null);

    public IEnumerable<RscValue> Unnamed =>
        Arguments.Where(argument => argument.Name is null).Select(argument => argument.Value);

    public RscValue? this[string name] => Named.FirstOrDefault(argument => argument.Name == name)?.Value;
}
