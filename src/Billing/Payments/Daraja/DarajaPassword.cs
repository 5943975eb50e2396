using System.Text;

namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>The STK push/query Password: Base64(ShortCode + PassKey + Timestamp) (daraja.md §2 "Password test vectors").</summary>
public static class DarajaPassword
{
    public static string Compute(string shortCode, string passKey, string timestamp) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Concat(shortCode, passKey, timestamp)));
}
