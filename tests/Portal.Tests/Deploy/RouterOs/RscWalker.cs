namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>Every command of a script, depth first: nested blocks and [substitutions] included.</summary>
public static class RscWalker
{
    public static IEnumerable<RscCommand> AllCommands(RscBlock block) => block.Commands.SelectMany(Self);

    private static IEnumerable<RscCommand> Self(RscCommand command) =>
        new[] { command }.Concat(command.Arguments.SelectMany(argument => Nested(argument.Value)));

    private static IEnumerable<RscCommand> Nested(RscValue value) => value switch
    {
        RscBlock block => AllCommands(block),
        RscSubstitution substitution => Self(substitution.Command),
        RscExpression expression => expression.Items.SelectMany(Nested),
        _ => [],
    };
}
