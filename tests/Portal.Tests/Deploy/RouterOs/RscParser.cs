using System.Globalization;
using System.Text;

namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>
/// A small parser for RouterOS v7 scripts (.rsc), enough to check what mikrotik-radius.rsc sends to a router:
/// comments, ICE commands (:local, :if, ...), { } blocks, menu paths in both styles ("/ip hotspot profile add" and
/// "/ip/hotspot/profile/add"), a path alone on a line as the menu for the following lines, key=value arguments
/// (and !=, &lt;, &gt;, ~ in find/where), quoted strings with RouterOS escapes, $variables, ( ) expressions,
/// [ ] command substitution and backslash line continuation. Follows the RouterOS scripting manual
/// ("Line structure", "Constant Escape Sequences", "Scopes").
/// </summary>
public sealed class RscParser
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "add", "set", "remove", "find", "get", "print", "export", "import", "enable", "disable", "monitor",
        "edit", "move", "reset", "unset", "update", "comment", "run",
    };

    private readonly string _text;
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private RscParser(string text) => _text = text;

    /// <summary>Parses a whole script; the result is the root block (the script's global scope).</summary>
    public static RscBlock Parse(string text) => new RscParser(text).ParseScript();

    private RscBlock ParseScript()
    {
        var commands = ParseStatements("", closing: '\0');
        return new RscBlock(commands);
    }

    private List<RscCommand> ParseStatements(string menu, char closing)
    {
        var commands = new List<RscCommand>();
        var context = menu;
        while (true)
        {
            SkipSeparatorsAndComments();
            var c = Peek();
            if (c == '\0')
            {
                return closing == '\0' ? commands : throw Error($"missing '{closing}'");
            }

            if (c == '}')
            {
                return closing == '}' ? commands : throw Error("'}' without '{'");
            }

            var command = ParseCommand(ref context);
            if (command is not null)
            {
                commands.Add(command);
            }
        }
    }

    /// <summary>One command; null when the line only changes the menu (a path alone).</summary>
    private RscCommand? ParseCommand(ref string context)
    {
        var line = _line;
        var c = Peek();
        if (c == '{')
        {
            return new RscCommand(context, RscCommand.BlockVerb, [new RscArgument(null, null, ParseBlock(context))], line);
        }

        if (c == ':')
        {
            var verb = ReadWhile(ch => ch == ':' || IsNameChar(ch));
            return new RscCommand("", verb, ParseArguments(context), line);
        }

        var segments = new List<string>();
        if (c == '/')
        {
            Advance();
        }
        else if (context.Length > 0)
        {
            segments.AddRange(context.Split(' '));
        }

        while (true)
        {
            SkipInlineWhitespace();
            c = Peek();
            if (IsStatementEnd(c))
            {
                context = string.Join(' ', segments);
                return null;
            }

            if (c == '{')
            {
                var path = string.Join(' ', segments);
                return new RscCommand(path, RscCommand.BlockVerb, [new RscArgument(null, null, ParseBlock(path))], line);
            }

            var word = ReadWhile(IsNameChar);
            if (word.Length == 0)
            {
                throw Error($"expected a menu or command name, found '{c}'");
            }

            if (Peek() == '/')
            {
                Advance();
            }

            if (Verbs.Contains(word))
            {
                var path = string.Join(' ', segments);
                return new RscCommand(path, word, ParseArguments(path), line);
            }

            if (Peek() is '=' or '!')
            {
                throw Error($"argument '{word}' before any command (add, set, ...)");
            }

            segments.Add(word);
        }
    }

    private List<RscArgument> ParseArguments(string context)
    {
        var arguments = new List<RscArgument>();
        while (true)
        {
            SkipInlineWhitespace();
            var c = Peek();
            if (IsStatementEnd(c) || c == ')')
            {
                return arguments;
            }

            if (c is '"' or '$' or '(' or '[' or '{')
            {
                arguments.Add(new RscArgument(null, null, ParseValue(context)));
                continue;
            }

            var name = ReadWhile(IsNameChar);
            var op = ReadOperator();
            if (name.Length > 0 && op is not null)
            {
                arguments.Add(new RscArgument(name, op, ParseValue(context)));
            }
            else
            {
                var rest = ReadWord();
                arguments.Add(new RscArgument(null, null, RscText.Word(name + op + rest)));
            }
        }
    }

    private RscValue ParseValue(string context)
    {
        var c = Peek();
        switch (c)
        {
            case '"':
                return ParseString();
            case '$':
                Advance();
                var name = Peek() == '"' ? ((RscText)ParseString()).Value : ReadWhile(IsVariableChar);
                return name.Length > 0 ? new RscVariable(name) : throw Error("'$' without a variable name");
            case '(':
                return ParseExpression(context);
            case '[':
                return ParseSubstitution(context);
            case '{':
                return ParseBlock(context);
            default:
                return RscText.Word(ReadWord());
        }
    }

    private RscBlock ParseBlock(string context)
    {
        Expect('{');
        var commands = ParseStatements(context, closing: '}');
        Expect('}');
        return new RscBlock(commands);
    }

    private RscSubstitution ParseSubstitution(string context)
    {
        Expect('[');
        SkipInlineWhitespace();
        var menu = context;
        var command = ParseCommand(ref menu) ?? throw Error("'[ ]' holds a menu but no command");
        SkipInlineWhitespace();
        Expect(']');
        return new RscSubstitution(command);
    }

    private RscExpression ParseExpression(string context)
    {
        Expect('(');
        var items = new List<RscValue>();
        while (true)
        {
            SkipInlineWhitespace();
            var c = Peek();
            if (c == ')')
            {
                Advance();
                return new RscExpression(items);
            }

            if (c is '\0' or '\n' or '\r' or ';')
            {
                throw Error("missing ')'");
            }

            items.Add(c is '"' or '$' or '(' or '[' or '{' ? ParseValue(context) : RscText.Word(ReadWord()));
        }
    }

    /// <summary>A double-quoted string; escapes per the RouterOS manual, "\XX" is one byte (hex).</summary>
    private RscText ParseString()
    {
        Expect('"');
        var bytes = new List<byte>();
        var variables = new List<string>();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] is '\n' or '\r')
            {
                throw Error("unterminated string");
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return new RscText(Encoding.UTF8.GetString([.. bytes]), true, variables);
            }

            if (c == '\\')
            {
                _position++;
                if (TrySkipNewline())
                {
                    continue; // a backslash continues a string literal onto the next line
                }

                bytes.AddRange(ReadEscape());
                continue;
            }

            if (c == '$' && _position + 1 < _text.Length && IsVariableChar(_text[_position + 1]))
            {
                _position++;
                var name = ReadWhile(IsVariableChar);
                variables.Add(name);
                bytes.AddRange(Encoding.UTF8.GetBytes("$" + name));
                continue;
            }

            var length = char.IsSurrogatePair(_text, _position) ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(_text.Substring(_position, length)));
            _position += length;
        }
    }

    private byte[] ReadEscape()
    {
        if (_position >= _text.Length)
        {
            throw Error("'\\' at the end of the script");
        }

        var c = _text[_position];
        if (_position + 1 < _text.Length && char.IsAsciiHexDigit(c) && char.IsAsciiHexDigit(_text[_position + 1]))
        {
            var value = byte.Parse(_text.AsSpan(_position, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            _position += 2;
            return [value];
        }

        _position++;
        return c switch
        {
            '"' or '\\' or '$' or '?' => [(byte)c],
            'n' => [(byte)'\n'],
            'r' => [(byte)'\r'],
            't' => [(byte)'\t'],
            '_' => [(byte)' '],
            'a' => [7],
            'b' => [8],
            'f' => [12],
            'v' => [11],
            _ => throw Error($"unknown escape '\\{c}'"),
        };
    }

    private string? ReadOperator()
    {
        var c = Peek();
        var next = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
        if (c is '=' or '~' or '<' or '>')
        {
            Advance();
            if (c is '<' or '>' && Peek() == '=')
            {
                Advance();
                return c + "=";
            }

            return c.ToString();
        }

        if (c == '!' && next == '=')
        {
            Advance();
            Advance();
            return "!=";
        }

        return null;
    }

    private string ReadWord() =>
        ReadWhile(ch => !char.IsWhiteSpace(ch) && !IsStatementEnd(ch) && ch is not (')' or '(' or '[' or '"' or '$' or '{'));

    private string ReadWhile(Func<char, bool> accept)
    {
        var word = new StringBuilder();
        while (true)
        {
            var c = Peek();
            if (c == '\0' || !accept(c))
            {
                return word.ToString();
            }

            word.Append(c);
            Advance();
        }
    }

    private void SkipSeparatorsAndComments()
    {
        while (true)
        {
            var c = Peek();
            if (c is ' ' or '\t' or '\r' or '\n' or ';')
            {
                Advance();
            }
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void SkipInlineWhitespace()
    {
        while (Peek() is ' ' or '\t')
        {
            Advance();
        }
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error($"expected '{expected}'");
        }

        Advance();
    }

    /// <summary>The next character, skipping backslash-newline continuations (outside strings).</summary>
    private char Peek()
    {
        while (_position < _text.Length && _text[_position] == '\\')
        {
            var save = _position;
            _position++;
            if (!TrySkipNewline())
            {
                _position = save;
                break;
            }
        }

        return _position < _text.Length ? _text[_position] : '\0';
    }

    private void Advance()
    {
        if (_text[_position] == '\n')
        {
            _line++;
            _lineStart = _position + 1;
        }

        _position++;
    }

    private bool TrySkipNewline()
    {
        var length = _position < _text.Length && _text[_position] == '\n' ? 1
            : _position + 1 < _text.Length && _text[_position] == '\r' && _text[_position + 1] == '\n' ? 2
            : 0;
        if (length == 0)
        {
            return false;
        }

        _position += length;
        _line++;
        _lineStart = _position;
        return true;
    }

    private static bool IsStatementEnd(char c) => c is '\0' or '\n' or '\r' or ';' or '}' or ']';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static bool IsVariableChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private RscParseException Error(string message) => new(_line, _position - _lineStart + 1, message);
}
