using System.Globalization;
using System.Text;

namespace WifiBilling.Portal.Routers;

/// <summary>RouterOS script literals ("Constant Escape Sequences" of the RouterOS scripting manual).</summary>
public static class MikrotikScriptQuoting
{
    /// <summary>
    /// A double-quoted RouterOS string that reads back as exactly <paramref name="value"/>: <c>"</c>, <c>\</c>,
    /// <c>$</c> (variable substitution) and <c>?</c> (console help) are escaped; control and non-ASCII bytes of
    /// the UTF-8 encoding become <c>\XX</c> (upper-case hex), so no value can end the string or the line.
    /// </summary>
    public static string Quote(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var quoted = new StringBuilder(bytes.Length + 2).Append('"');
        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'$':
                case (byte)'?':
                    quoted.Append('\\').Append((char)b);
                    break;
                case (byte)'\n':
                    quoted.Append("\\n");
                    break;
                case (byte)'\r':
                    quoted.Append("\\r");
                    break;
                case (byte)'\t':
                    quoted.Append("\\t");
                    break;
                case < 0x20 or >= 0x7F:
                    quoted.Append('\\').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                    break;
                default:
                    quoted.Append((char)b);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
