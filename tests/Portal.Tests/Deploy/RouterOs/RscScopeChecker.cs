namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>
/// Finds $variables that RouterOS could not resolve: a :local is visible from its declaration to the end of its
/// { } block, including nested blocks, and nowhere else ("Scopes", RouterOS scripting manual).
/// </summary>
public static class RscScopeChecker
{
    /// <summary>"line N: $name" for each reference that no enclosing scope declares before it.</summary>
    public static IReadOnlyList<string> UnresolvedVariables(RscBlock script)
    {
        var problems = new List<string>();
        var scopes = new List<HashSet<string>>();
        VisitBlock(script, scopes, problems, []);
        return problems;
    }

    /// <summary>The parameters (name and value) a block declares with :local, in order.</summary>
    public static IReadOnlyList<(string Name, RscValue? Value)> LocalDeclarations(RscBlock block) =>
        block.Commands
            .Where(command => command.Verb == ":local")
            .Select(command => command.Unnamed.ToList())
            .Select(values => (((RscText)values[0]).Value, values.Count > 1 ? values[1] : null))
            .ToList();

    private static void VisitBlock(RscBlock block, List<HashSet<string>> scopes, List<string> problems, HashSet<string> declaredHere)
    {
        scopes.Add(declaredHere);
        foreach (var command in block.Commands)
        {
            VisitCommand(command, scopes, problems);
        }

        scopes.RemoveAt(scopes.Count - 1);
    }

    private static void VisitCommand(RscCommand command, List<HashSet<string>> scopes, List<string> problems)
    {
        var values = command.Arguments.Select(argument => argument.Value).ToList();
        switch (command.Verb)
        {
            case ":local" or ":global":
                // The value is evaluated before the name exists (":local x $x" reads an outer x).
                foreach (var value in values.Skip(1))
                {
                    VisitValue(value, command.Line, scopes, problems);
                }

                scopes[^1].Add(NameOf(values[0], command));
                return;
            case ":set":
                Require(NameOf(values[0], command), command.Line, scopes, problems);
                foreach (var value in values.Skip(1))
                {
                    VisitValue(value, command.Line, scopes, problems);
                }

                return;
            case ":foreach":
                // :foreach item in=list do={ ... }: item exists inside the loop body only.
                var item = NameOf(values[0], command);
                VisitValue(command["in"] ?? throw new InvalidOperationException($"line {command.Line}: :foreach without in="), command.Line, scopes, problems);
                if (command["do"] is RscBlock body)
                {
                    VisitBlock(body, scopes, problems, [item]);
                }

                return;
            default:
                foreach (var value in values)
                {
                    VisitValue(value, command.Line, scopes, problems);
                }

                return;
        }
    }

    private static void VisitValue(RscValue value, int line, List<HashSet<string>> scopes, List<string> problems)
    {
        switch (value)
        {
            case RscVariable variable:
                Require(variable.Name, line, scopes, problems);
                break;
            case RscText text:
                foreach (var name in text.InterpolatedVariables)
                {
                    Require(name, line, scopes, problems);
                }

                break;
            case RscExpression expression:
                foreach (var item in expression.Items)
                {
                    VisitValue(item, line, scopes, problems);
                }

                break;
            case RscSubstitution substitution:
                VisitCommand(substitution.Command, scopes, problems);
                break;
            case RscBlock block:
                VisitBlock(block, scopes, problems, []);
                break;
        }
    }

    private static void Require(string name, int line, List<HashSet<string>> scopes, List<string> problems)
    {
        if (!scopes.Any(scope => scope.Contains(name)))
        {
            problems.Add($"line {line}: ${name}");
        }
    }

    private static string NameOf(RscValue value, RscCommand command) =>
        value is RscText { Quoted: false } word
            ? word.Value
            : throw new InvalidOperationException($"line {command.Line}: {command.Verb} needs a variable name");
}
