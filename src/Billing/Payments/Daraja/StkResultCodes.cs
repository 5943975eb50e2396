using System.Collections.Frozen;

namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// Table of STK ResultCodes (callback and query) → outcome and customer message (daraja.md §3, official table plus the
/// lower-trust codes libraries report). Unknown codes are <see cref="StkPaymentOutcome.Failed"/> with a generic message.
/// </summary>
public static class StkResultCodes
{
    private static readonly FrozenDictionary<string, StkResultInfo> s_table = new StkResultInfo[]
    {
        Info("0", StkPaymentOutcome.Paid, "The service request is processed successfully.",
            "Payment received. Thank you.",
            "Malipo yamepokelewa. Asante."),
        Info("1", StkPaymentOutcome.Failed, "The balance is insufficient for the transaction.",
            "Your M-Pesa balance is not enough for this payment. Top up and try again.",
            "Salio lako la M-Pesa halitoshi kwa malipo haya. Ongeza salio kisha ujaribu tena."),
        Info("2", StkPaymentOutcome.Failed, "Declined due to limit rule.",
            "The amount is below the M-Pesa minimum.",
            "Kiasi ni chini ya kiwango cha chini cha M-Pesa."),
        Info("3", StkPaymentOutcome.Failed, "Declined due to limit rule: greater than the maximum transaction amount.",
            "The amount is above the M-Pesa limit for one transaction.",
            "Kiasi kimezidi kikomo cha M-Pesa kwa muamala mmoja."),
        Info("4", StkPaymentOutcome.Failed, "Declined due to limit rule: would exceed daily transfer limit.",
            "This payment would go over your daily M-Pesa limit.",
            "Malipo haya yangezidi kikomo chako cha M-Pesa cha siku."),
        Info("8", StkPaymentOutcome.Failed, "Declined due to limit rule: would exceed the maximum balance.",
            "The shop's M-Pesa account cannot receive this payment now. Please try again later.",
            "Akaunti ya M-Pesa ya duka haiwezi kupokea malipo haya sasa. Tafadhali jaribu tena baadaye."),
        Info("17", StkPaymentOutcome.Failed, "Rule limited.",
            "A payment of the same amount was just made. Wait two minutes and try again.",
            "Malipo ya kiasi hicho hicho yamefanywa hivi punde. Subiri dakika mbili kisha ujaribu tena."),
        Info("1001", StkPaymentOutcome.Failed, "Unable to lock subscriber, a transaction is already in process for the current subscriber.",
            "Another M-Pesa request is already open on your phone. Finish or cancel it, wait a minute and try again.",
            "Kuna ombi lingine la M-Pesa kwenye simu yako. Likamilishe au ulighairi, subiri dakika moja kisha ujaribu tena."),
        Info("1019", StkPaymentOutcome.TimedOut, "Transaction has expired.",
            "The M-Pesa request expired before it was completed. Please try again.",
            "Ombi la M-Pesa limeisha muda kabla ya kukamilika. Tafadhali jaribu tena."),
        Info("1025", StkPaymentOutcome.Failed, "An error occurred while sending a push request.",
            "M-Pesa could not send the request to your phone. Please try again.",
            "M-Pesa haikuweza kutuma ombi kwenye simu yako. Tafadhali jaribu tena."),
        Info("1031", StkPaymentOutcome.Cancelled, "Request cancelled by user.",
            "You cancelled the M-Pesa request.",
            "Umeghairi ombi la M-Pesa."),
        Info("1032", StkPaymentOutcome.Cancelled, "Request cancelled by user.",
            "You cancelled the M-Pesa request.",
            "Umeghairi ombi la M-Pesa."),
        Info("1036", StkPaymentOutcome.TimedOut, "SMSC ACK timeout.",
            "Your phone did not answer the M-Pesa request. If this keeps happening, your SIM card may need an upgrade.",
            "Simu yako haikujibu ombi la M-Pesa. Hali hii ikiendelea, huenda laini yako inahitaji kusasishwa."),
        Info("1037", StkPaymentOutcome.TimedOut, "DS timeout user cannot be reached.",
            "We could not reach your phone. Make sure it is on and has network, then try again.",
            "Hatukuweza kufikia simu yako. Hakikisha imewashwa na ina mtandao, kisha ujaribu tena."),
        Info("2001", StkPaymentOutcome.Failed, "The initiator information is invalid.",
            "The M-Pesa PIN was wrong. Please try again.",
            "PIN ya M-Pesa uliyoweka si sahihi. Tafadhali jaribu tena."),
        Info("2028", StkPaymentOutcome.Failed, "The request is not permitted according to product assignment.",
            "This shop's M-Pesa settings are wrong, so it cannot take payments now. Please tell the operator.",
            "Mipangilio ya M-Pesa ya duka hili si sahihi, kwa hivyo haliwezi kupokea malipo sasa. Tafadhali mjulishe mhudumu."),
        Info("4999", StkPaymentOutcome.Pending, "The transaction is still under processing.",
            "Waiting for you to confirm the payment on your phone.",
            "Tunasubiri uthibitishe malipo kwenye simu yako."),
        Info("8006", StkPaymentOutcome.Failed, "The security credential is locked.",
            "Your M-Pesa account is locked. Call 100 or 200 to unlock it.",
            "Akaunti yako ya M-Pesa imefungwa. Piga 100 au 200 ili ifunguliwe."),
        Info("9999", StkPaymentOutcome.Failed, "Error occurred while sending push request.",
            "M-Pesa could not send the request to your phone. Please try again.",
            "M-Pesa haikuweza kutuma ombi kwenye simu yako. Tafadhali jaribu tena."),
        Info("SFC_IC0003", StkPaymentOutcome.Failed, "The operator does not exist.",
            "This shop's M-Pesa settings are wrong, so it cannot take payments now. Please tell the operator.",
            "Mipangilio ya M-Pesa ya duka hili si sahihi, kwa hivyo haliwezi kupokea malipo sasa. Tafadhali mjulishe mhudumu."),
    }.ToFrozenDictionary(info => info.Code.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every code the table knows.</summary>
    public static IEnumerable<StkResultInfo> Known => s_table.Values;

    /// <summary>The meaning of <paramref name="code"/>; unknown codes are failures with a generic message.</summary>
    public static StkResultInfo Describe(StkResultCode code) =>
        s_table.TryGetValue(code.Value, out var info)
            ? info
            : new StkResultInfo(
                code,
                StkPaymentOutcome.Failed,
                "Unknown result code.",
                "The M-Pesa payment did not go through. Please try again.",
                "Malipo ya M-Pesa hayakufanikiwa. Tafadhali jaribu tena.");

    public static StkResultInfo Describe(string code) => Describe(new StkResultCode(code));

    public static StkResultInfo Describe(long code) => Describe(StkResultCode.FromNumber(code));

    private static StkResultInfo Info(string code, StkPaymentOutcome outcome, string description, string english, string swahili) =>
        new(new StkResultCode(code), outcome, description, english, swahili);
}
