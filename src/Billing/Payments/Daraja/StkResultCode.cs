using System.Globalization;

namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// An STK ResultCode. Daraja sends it as a number in callbacks (<c>0</c>, <c>1032</c>), as a string in query
/// responses (<c>"1032"</c>), and sometimes as a non-numeric string (<c>"SFC_IC0003"</c>), so it is kept as text.
/// </summary>
public readonly record struct StkResultCode
{
    public StkResultCode(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
    }

    public static StkResultCode Success { get; } = new("0");

    /// <summary>The code as Daraja sent it (numbers in invariant form).</summary>
    public string Value { get; }

    public bool IsSuccess => Value == "0";

    public static StkResultCode FromNumber(long code) => new(code.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Value;
}
