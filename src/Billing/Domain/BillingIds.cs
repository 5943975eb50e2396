using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WifiBilling.Billing.Domain;

/// <summary>Identifiers of stored records. All are strings; the prefix tells a reader what an id points at.</summary>
public static class BillingIds
{
    // Lower-case Crockford Base32: no I, L, O, U, so ids read aloud or copied by hand stay unambiguous.
    private const string IdAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>
    /// 128 random bits, URL-safe. <c>GET /api/payments/{id}</c> shows the voucher code to whoever holds the id,
    /// so the id itself is the credential and must not be guessable.
    /// </summary>
    public static string NewPaymentId()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return "pay_" + Base64Url.EncodeToString(random);
    }

    public static string NewPlanId() => NewShortId("pln_");

    public static string NewRouterId() => NewShortId("rtr_");

    public static string NewBatchId() => NewShortId("bat_");

    /// <summary>
    /// The session id is derived from (router, Acct-Session-Id), so every instance computes the same key for the same
    /// accounting stream and an upsert never needs a lookup first.
    /// </summary>
    public static string SessionId(string routerId, string acctSessionId)
    {
        var input = Encoding.UTF8.GetBytes(routerId + "\n" + acctSessionId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return "ses_" + Base64Url.EncodeToString(hash[..18]);
    }

    /// <summary>12 symbols of 5 bits (60 bits): plenty for ids that are not secrets.</summary>
    private static string NewShortId(string prefix)
    {
        Span<byte> random = stackalloc byte[12];
        RandomNumberGenerator.Fill(random);
        Span<char> symbols = stackalloc char[random.Length];
        for (var i = 0; i < random.Length; i++)
        {
            symbols[i] = IdAlphabet[random[i] & 31];
        }

        return string.Concat(prefix, symbols);
    }
}
