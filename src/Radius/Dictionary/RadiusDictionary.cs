using System.Globalization;
using System.Text;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Dictionary;

/// <summary>
/// Attribute names, types and named values in the FreeRADIUS dictionary format: <c>ATTRIBUTE name code type [flags]</c>,
/// <c>VALUE attribute name number</c>, <c>VENDOR name id</c>, <c>BEGIN-VENDOR</c>/<c>END-VENDOR</c> blocks, and
/// <c>#</c> comments. Flags understood: <c>encrypt=N</c>, <c>has_tag</c> (others such as <c>concat</c> are accepted
/// and ignored). When a name, code or value is defined twice, the later line wins. Lookups by code,
/// (vendor, sub-type) and name are hash lookups. Instances are immutable and thread-safe.
/// </summary>
public sealed class RadiusDictionary
{
    /// <summary>The embedded files, in load order.</summary>
    private static readonly string[] _defaultFiles =
    [
        "dictionary.rfc2865", "dictionary.rfc2866", "dictionary.rfc2869", "dictionary.rfc3162", "dictionary.rfc5176",
        "dictionary.mikrotik", "dictionary.wispr",
    ];

    private static readonly Lazy<RadiusDictionary> _default = new(LoadDefault);

    private readonly Dictionary<byte, DictionaryAttribute> _byCode = [];
    private readonly Dictionary<(uint VendorId, byte Code), DictionaryAttribute> _byVendorCode = [];
    private readonly Dictionary<string, DictionaryAttribute> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DictionaryVendor> _vendorsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<uint, DictionaryVendor> _vendorsById = [];
    private readonly Dictionary<string, Dictionary<uint, string>> _valueNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, uint>> _valueNumbers = new(StringComparer.OrdinalIgnoreCase);

    private RadiusDictionary()
    {
    }

    /// <summary>RFC 2865/2866/2869/3162/5176 (RFC 5997 adds no attributes), MikroTik (14988) and WISPr (14122).</summary>
    public static RadiusDictionary Default => _default.Value;

    /// <summary>Every attribute, standard and vendor, as currently defined (later definitions replace earlier ones).</summary>
    public IEnumerable<DictionaryAttribute> Attributes => _byCode.Values.Concat(_byVendorCode.Values);

    public IEnumerable<DictionaryVendor> Vendors => _vendorsById.Values;

    /// <summary>Parses one or more dictionary texts, in order, into one dictionary.</summary>
    /// <exception cref="FormatException">A line is not valid dictionary syntax (the message names the line).</exception>
    public static RadiusDictionary Parse(params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var dictionary = new RadiusDictionary();
        foreach (var text in texts)
        {
            dictionary.Load(text);
        }

        return dictionary;
    }

    public bool TryGetAttribute(byte code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DictionaryAttribute? attribute) =>
        _byCode.TryGetValue(code, out attribute);

    public bool TryGetAttribute(uint vendorId, byte vendorType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DictionaryAttribute? attribute) =>
        _byVendorCode.TryGetValue((vendorId, vendorType), out attribute);

    public bool TryGetAttribute(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DictionaryAttribute? attribute) =>
        _byName.TryGetValue(name, out attribute);

    /// <summary>The definition of a packet attribute, standard or vendor.</summary>
    public bool TryGetAttribute(RadiusAttribute attribute, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DictionaryAttribute? definition) =>
        attribute.IsVendorSpecific
            ? TryGetAttribute(attribute.VendorId, attribute.VendorType, out definition)
            : TryGetAttribute(attribute.Type, out definition);

    public bool TryGetVendor(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DictionaryVendor? vendor) =>
        _vendorsByName.TryGetValue(name, out vendor);

    public bool TryGetVendor(uint id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DictionaryVendor? vendor) =>
        _vendorsById.TryGetValue(id, out vendor);

    /// <summary>The VALUE name of <paramref name="number"/> for an attribute, e.g. ("Acct-Status-Type", 3) → "Interim-Update".</summary>
    public bool TryGetValueName(string attributeName, uint number, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? valueName)
    {
        valueName = null;
        return _valueNames.TryGetValue(attributeName, out var names) && names.TryGetValue(number, out valueName);
    }

    /// <summary>The number of a VALUE name, e.g. ("Service-Type", "Login-User") → 1.</summary>
    public bool TryGetValueNumber(string attributeName, string valueName, out uint number)
    {
        number = 0;
        return _valueNumbers.TryGetValue(attributeName, out var numbers) && numbers.TryGetValue(valueName, out number);
    }

    /// <summary>
    /// "Name = value" for logs and debugging. Hidden values (encrypt=N, CHAP-Password, Message-Authenticator)
    /// show only their length, so a formatted packet never leaks a password.
    /// </summary>
    public string Format(RadiusAttribute attribute)
    {
        if (!TryGetAttribute(attribute, out var definition))
        {
            return attribute.ToString();
        }

        if (definition.Encrypt != 0 || (!definition.IsVendorSpecific && definition.Code is RadiusAttributeType.ChapPassword or RadiusAttributeType.MessageAuthenticator))
        {
            return $"{definition.Name} = <{attribute.Value.Length} octets hidden>";
        }

        try
        {
            return $"{definition.Name} = {FormatValue(definition, attribute)}";
        }
        catch (RadiusPacketException)
        {
            return $"{definition.Name} = <malformed, {attribute.Value.Length} octets>";
        }
    }

    private string FormatValue(DictionaryAttribute definition, RadiusAttribute attribute)
    {
        switch (definition.DataType)
        {
            case RadiusDataType.String:
                return "\"" + attribute.AsString() + "\"";
            case RadiusDataType.Integer:
                var number = attribute.AsUInt32();
                return TryGetValueName(definition.Name, number, out var name) ? name : number.ToString(CultureInfo.InvariantCulture);
            case RadiusDataType.Integer64:
                return attribute.AsUInt64().ToString(CultureInfo.InvariantCulture);
            case RadiusDataType.Date:
                return attribute.AsDate().ToString("O", CultureInfo.InvariantCulture);
            case RadiusDataType.IPAddress:
            case RadiusDataType.IPv6Address:
                return attribute.AsIPAddress().ToString();
            case RadiusDataType.IPv6Prefix:
                var (prefix, length) = attribute.AsIPv6Prefix();
                return $"{prefix}/{length}";
            default:
                return "0x" + Convert.ToHexStringLower(attribute.Value.Span);
        }
    }

    private static RadiusDictionary LoadDefault()
    {
        var assembly = typeof(RadiusDictionary).Assembly;
        var texts = _defaultFiles.Select(file =>
        {
            using var stream = assembly.GetManifestResourceStream("WifiBilling.Radius.Dictionary.Resources." + file)
                ?? throw new InvalidOperationException($"The embedded dictionary {file} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }).ToArray();
        return Parse(texts);
    }

    private void Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        DictionaryVendor? block = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            try
            {
                block = Apply(fields, block);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"Dictionary line {lineNumber}: {ex.Message} ({line})", ex);
            }
        }

        if (block is not null)
        {
            throw new FormatException($"BEGIN-VENDOR {block.Name} has no END-VENDOR.");
        }
    }

    private DictionaryVendor? Apply(string[] fields, DictionaryVendor? block)
    {
        switch (fields[0].ToUpperInvariant())
        {
            case "ATTRIBUTE":
                AddAttribute(fields, block);
                return block;
            case "VALUE":
                AddValue(fields);
                return block;
            case "VENDOR":
                AddVendor(fields);
                return block;
            case "BEGIN-VENDOR":
                RequireFields(fields, 2, "BEGIN-VENDOR name");
                if (block is not null)
                {
                    throw new FormatException($"BEGIN-VENDOR inside the block of {block.Name}.");
                }

                return _vendorsByName.TryGetValue(fields[1], out var vendor)
                    ? vendor
                    : throw new FormatException($"Vendor {fields[1]} is not defined by a VENDOR line.");
            case "END-VENDOR":
                RequireFields(fields, 2, "END-VENDOR name");
                if (block is null || !string.Equals(block.Name, fields[1], StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"END-VENDOR {fields[1]} does not close the open block.");
                }

                return null;
            default:
                throw new FormatException($"Unsupported keyword {fields[0]} (ATTRIBUTE, VALUE, VENDOR, BEGIN-VENDOR and END-VENDOR are).");
        }
    }

    private void AddAttribute(string[] fields, DictionaryVendor? block)
    {
        RequireFields(fields, 4, "ATTRIBUTE name code type [flags]");
        var name = fields[1];
        var code = ParseNumber(fields[2]);
        if (code > byte.MaxValue)
        {
            throw new FormatException($"Attribute code {code} does not fit in one octet.");
        }

        var dataType = ParseType(fields[3]);
        var encrypt = 0;
        var hasTag = false;
        var vendorId = block?.Id ?? 0;
        for (var i = 4; i < fields.Length; i++)
        {
            foreach (var flag in fields[i].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (flag.StartsWith("encrypt=", StringComparison.OrdinalIgnoreCase))
                {
                    encrypt = (int)ParseNumber(flag["encrypt=".Length..]);
                }
                else if (flag.Equals("has_tag", StringComparison.OrdinalIgnoreCase))
                {
                    hasTag = true;
                }
                else if (_vendorsByName.TryGetValue(flag, out var namedVendor))
                {
                    // Old style: ATTRIBUTE name code type VendorName.
                    vendorId = namedVendor.Id;
                }
                else if (!flag.Equals("concat", StringComparison.OrdinalIgnoreCase) && !flag.Equals("array", StringComparison.OrdinalIgnoreCase)
                    && !flag.Equals("virtual", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"Unknown attribute flag {flag}.");
                }
            }
        }

        var attribute = new DictionaryAttribute(name, (byte)code, vendorId, dataType, encrypt, hasTag);
        if (vendorId == 0)
        {
            _byCode[attribute.Code] = attribute;
        }
        else
        {
            _byVendorCode[(vendorId, attribute.Code)] = attribute;
        }

        _byName[name] = attribute;
    }

    private void AddValue(string[] fields)
    {
        RequireFields(fields, 4, "VALUE attribute name number");
        var number = ParseNumber(fields[3]);
        if (!_valueNames.TryGetValue(fields[1], out var names))
        {
            names = [];
            _valueNames[fields[1]] = names;
            _valueNumbers[fields[1]] = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        }

        names[number] = fields[2];
        _valueNumbers[fields[1]][fields[2]] = number;
    }

    private void AddVendor(string[] fields)
    {
        RequireFields(fields, 3, "VENDOR name id [format=1,1]");
        for (var i = 3; i < fields.Length; i++)
        {
            if (!fields[i].Equals("format=1,1", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException($"Only the RFC 2865 §5.26 vendor format (1,1) is supported, not {fields[i]}.");
            }
        }

        var vendor = new DictionaryVendor(fields[1], ParseNumber(fields[2]));
        _vendorsByName[vendor.Name] = vendor;
        _vendorsById[vendor.Id] = vendor;
    }

    private static void RequireFields(string[] fields, int count, string syntax)
    {
        if (fields.Length < count)
        {
            throw new FormatException($"Expected {syntax}.");
        }
    }

    private static uint ParseNumber(string text)
    {
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new FormatException($"{text} is not a number.");
    }

    private static RadiusDataType ParseType(string text)
    {
        // "octets[16]" in some FreeRADIUS files gives a fixed size; the size is not needed here.
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        var name = (bracket >= 0 ? text[..bracket] : text).ToUpperInvariant();
        return name switch
        {
            "STRING" or "TEXT" => RadiusDataType.String,
            "OCTETS" => RadiusDataType.Octets,
            "INTEGER" or "UINT32" => RadiusDataType.Integer,
            "IPADDR" or "IPV4ADDR" => RadiusDataType.IPAddress,
            "DATE" => RadiusDataType.Date,
            "INTEGER64" or "UINT64" => RadiusDataType.Integer64,
            "IPV6ADDR" => RadiusDataType.IPv6Address,
            "IPV6PREFIX" => RadiusDataType.IPv6Prefix,
            "IFID" => RadiusDataType.InterfaceId,
            "BYTE" or "UINT8" => RadiusDataType.Byte,
            "SHORT" or "UINT16" => RadiusDataType.Short,
            "SIGNED" or "INT32" => RadiusDataType.Signed,
            "ETHER" => RadiusDataType.Ether,
            "ABINARY" => RadiusDataType.ABinary,
            "VSA" => RadiusDataType.Vsa,
            "TLV" => RadiusDataType.Tlv,
            "COMBO-IP" => RadiusDataType.ComboIP,
            "IPV4PREFIX" => RadiusDataType.IPv4Prefix,
            _ => throw new FormatException($"Unknown data type {text}."),
        };
    }
}
