using System.Globalization;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// Phone numbers that pick an outcome without any set-up, for manual demos: <c>2547000FCCCC</c> (locally
/// <c>07000FCCCC</c>) ends with ResultCode CCCC (0000 = paid, 1032 = cancelled, 0001 = insufficient funds, 1037,
/// 2001, 1019, …) and F chooses the callback: 0 normal, 1 lost, 2 duplicated, 3 late. Any other number follows the
/// control endpoint's rules or the defaults (paid after ~3 s).
/// </summary>
public static class MagicPhoneNumbers
{
    public const string Prefix = "2547000";

    public static bool TryDecode(string msisdn, out StkOutcomePlan plan)
    {
        plan = StkOutcomePlan.Success;
        if (msisdn.Length != 12 || !msisdn.StartsWith(Prefix, StringComparison.Ordinal)
            || !int.TryParse(msisdn.AsSpan(8, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        CallbackFault? fault = msisdn[7] switch
        {
            '0' => CallbackFault.None,
            '1' => CallbackFault.Lost,
            '2' => CallbackFault.Duplicate,
            '3' => CallbackFault.Late,
            _ => null,
        };
        if (fault is null)
        {
            return false;
        }

        plan = new StkOutcomePlan(code.ToString(CultureInfo.InvariantCulture), Callback: fault.Value);
        return true;
    }

    /// <summary>The magic number for a result code and callback behaviour.</summary>
    public static string For(int resultCode, CallbackFault callback = CallbackFault.None) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{(int)callback}{resultCode:D4}");
}
