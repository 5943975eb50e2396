using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace WifiBilling.Portal.Tests.Deploy.Hotspot;

/// <summary>
/// Renders a hotspot page the way the router's servlet does (RouterOS hotspot customisation, "Variables" and
/// "Working with variables"): $(name), $(name-esc) URL-escaped (form style, "123&amp;456=1 2" → "123%26456%3D1+2"),
/// $(if name), $(if name == value), $(elif ...), $(else), $(endif). Unknown variables render empty, as on the router.
/// </summary>
internal static partial class HotspotPageRenderer
{
    public static string Render(string template, IReadOnlyDictionary<string, string> variables)
    {
        var output = new StringBuilder();
        var frames = new Stack<(bool ParentOn, bool Taken, bool On)>();
        var on = true;
        var position = 0;
        foreach (Match token in Token().Matches(template))
        {
            if (on)
            {
                output.Append(template, position, token.Index - position);
            }

            position = token.Index + token.Length;
            if (token.Groups["directive"].Value == "if")
            {
                var holds = on && Holds(token.Groups["condition"].Value, variables);
                frames.Push((on, holds, holds));
            }
            else if (token.Groups["directive"].Value == "elif")
            {
                var frame = frames.Pop();
                var holds = frame.ParentOn && !frame.Taken && Holds(token.Groups["condition"].Value, variables);
                frames.Push((frame.ParentOn, frame.Taken || holds, holds));
            }
            else if (token.Groups["keyword"].Value == "else")
            {
                var frame = frames.Pop();
                frames.Push((frame.ParentOn, true, frame.ParentOn && !frame.Taken));
            }
            else if (token.Groups["keyword"].Value == "endif")
            {
                frames.Pop();
            }
            else if (on)
            {
                output.Append(Value(token.Groups["name"].Value, variables));
            }

            on = frames.Count == 0 || frames.Peek().On;
        }

        output.Append(template, position, template.Length - position);
        return frames.Count == 0 ? output.ToString() : throw new InvalidOperationException("$(if) without $(endif)");
    }

    private static string Value(string name, IReadOnlyDictionary<string, string> variables) =>
        name.EndsWith("-esc", StringComparison.Ordinal)
            ? WebUtility.UrlEncode(variables.GetValueOrDefault(name[..^4], ""))
            : variables.GetValueOrDefault(name, "");

    private static bool Holds(string condition, IReadOnlyDictionary<string, string> variables)
    {
        var parts = condition.Split("==", 2, StringSplitOptions.TrimEntries);
        var value = variables.GetValueOrDefault(parts[0], "");
        return parts.Length == 1 ? value.Length > 0 : value == parts[1].Trim('"', '\'');
    }

    [GeneratedRegex(@"\$\((?<directive>if|elif) (?<condition>[^)]*)\)|\$\((?<keyword>else|endif)\)|\$\((?<name>[a-z0-9-]+)\)")]
    private static partial Regex Token();
}
