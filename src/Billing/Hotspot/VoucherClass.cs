using System.Diagnostics.CodeAnalysis;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// The Class attribute (25) we put in every Access-Accept: <c>wb1:&lt;voucher code&gt;</c>. RouterOS echoes it unchanged in
/// every Accounting-Request of the session (RFC 2865 §5.25, mikrotik.md §2.1), which is how accounting for a MAC
/// login (User-Name = the MAC) finds its voucher. The version prefix lets a later format coexist with sessions
/// still open under this one.
/// </summary>
public static class VoucherClass
{
    public const string Prefix = "wb1:";

    public static string For(VoucherCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Prefix + code.Value;
    }

    /// <summary>The voucher code in a Class value of ours; false for anything else (another server's Class, garbage).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out VoucherCode? code)
    {
        code = null;
        return value is not null
            && value.StartsWith(Prefix, StringComparison.Ordinal)
            && VoucherCode.TryParse(value[Prefix.Length..], out code);
    }
}
