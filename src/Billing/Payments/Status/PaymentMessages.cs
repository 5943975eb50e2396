using System.Globalization;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Payments.Status;

/// <summary>
/// The sentence a customer reads for a payment. Daraja's outcomes use <see cref="StkResultCodes"/> (mapped on the
/// code, never on ResultDesc prose, daraja.md §3); our own states (waiting, refused push, gave up) are worded here.
/// </summary>
public static class PaymentMessages
{
    private static readonly CustomerMessage s_unconfirmedPush = new(
        "We are waiting for M-Pesa to confirm the request. If a prompt appears on your phone, enter your M-Pesa PIN.",
        "Tunasubiri uthibitisho kutoka M-Pesa. Ombi likitokea kwenye simu yako, weka PIN yako ya M-Pesa.");

    private static readonly CustomerMessage s_gaveUp = new(
        "We did not get an answer from M-Pesa in time. If money left your M-Pesa account, use \"I already paid\" with the "
        + "code from the M-Pesa message; otherwise please try again.",
        "Hatukupata jibu kutoka M-Pesa kwa wakati. Ikiwa pesa zimetoka kwenye akaunti yako ya M-Pesa, tumia \"Nimeshalipa\" "
        + "pamoja na nambari iliyo kwenye ujumbe wa M-Pesa; la sivyo tafadhali jaribu tena.");

    private static readonly CustomerMessage s_unavailable = new(
        "M-Pesa payments are not available right now. Please try again later or ask the attendant.",
        "Malipo ya M-Pesa hayapatikani kwa sasa. Tafadhali jaribu tena baadaye au muulize mhudumu.");

    private static readonly CustomerMessage s_busy = new(
        "M-Pesa is busy right now. Please try again in a minute.",
        "M-Pesa ina shughuli nyingi kwa sasa. Tafadhali jaribu tena baada ya dakika moja.");

    private static readonly CustomerMessage s_phoneRefused = new(
        "M-Pesa did not accept this phone number. Check it and try again.",
        "M-Pesa haikukubali nambari hii ya simu. Iangalie kisha ujaribu tena.");

    public static CustomerMessage For(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.Status switch
        {
            PaymentStatus.Pending when payment.CheckoutRequestId is null => s_unconfirmedPush,
            PaymentStatus.Pending => new CustomerMessage(
                string.Create(CultureInfo.InvariantCulture,
                    $"Check your phone and enter your M-Pesa PIN to pay KES {payment.AmountKes} for {payment.Plan.Name}."),
                string.Create(CultureInfo.InvariantCulture,
                    $"Angalia simu yako na uweke PIN yako ya M-Pesa kulipa KES {payment.AmountKes} kwa {payment.Plan.Name}.")),
            PaymentStatus.Paid => FromDaraja(StkResultCode.Success.Value),
            _ when PushFailureCodes.IsPushFailure(payment.ResultCode) => ForRefusedPush(payment.ResultCode!),
            PaymentStatus.TimedOut when payment.ResultCode is null => s_gaveUp,
            _ when payment.ResultCode is { Length: > 0 } code => FromDaraja(code),
            _ => FromDaraja("unknown"),
        };
    }

    private static CustomerMessage FromDaraja(string code)
    {
        var info = StkResultCodes.Describe(code);
        return new CustomerMessage(info.CustomerMessageEnglish, info.CustomerMessageSwahili);
    }

    private static CustomerMessage ForRefusedPush(string code)
    {
        var parts = code[PushFailureCodes.Prefix.Length..].Split(':', 2);
        if (!Enum.TryParse<DarajaErrorKind>(parts[0], out var kind))
        {
            return s_unavailable;
        }

        return kind switch
        {
            DarajaErrorKind.SubscriberLocked => FromDaraja("1001"),
            DarajaErrorKind.RateLimited => s_busy,
            DarajaErrorKind.BadRequest when parts.Length == 2 && parts[1] is "PhoneNumber" or "PartyA" => s_phoneRefused,
            _ => s_unavailable,
        };
    }
}
