using System.Text;
using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// The Reply-Message of each reject, in English and Swahili. RouterOS shows it on the login page as <c>$(error)</c>
/// (mikrotik.md §2.1 [U]), so it is written for the customer, not the operator.
/// </summary>
public sealed class HotspotReplyMessages(IOptions<HotspotOptions> options)
{
    /// <summary>RFC 2865 §5: a text attribute holds at most 253 octets.</summary>
    private const int MaxOctets = 253;

    private readonly ReplyLanguage _language = options.Value.Language;

    public static string English(HotspotRejectReason reason) => reason switch
    {
        HotspotRejectReason.Revoked => "This voucher has been cancelled. Please ask the attendant for help.",
        HotspotRejectReason.Expired => "This voucher has expired. Please buy a new plan.",
        HotspotRejectReason.DataExhausted => "This voucher has used all its data. Please buy a new plan.",
        HotspotRejectReason.DeviceLimitReached => "This voucher is already in use on another device.",
        HotspotRejectReason.RouterNotAllowed => "This voucher cannot be used at this hotspot.",
        HotspotRejectReason.NoVoucherForDevice => "This device has no active voucher. Please buy a plan or enter your voucher code.",
        HotspotRejectReason.DeviceMismatch => "Please log in with your voucher code.",
        _ => "Voucher code not recognised. Please check the code and try again.",
    };

    public static string Swahili(HotspotRejectReason reason) => reason switch
    {
        HotspotRejectReason.Revoked => "Vocha hii imefutwa. Tafadhali muulize mhudumu akusaidie.",
        HotspotRejectReason.Expired => "Muda wa vocha hii umekwisha. Tafadhali nunua kifurushi kipya.",
        HotspotRejectReason.DataExhausted => "Data ya vocha hii imekwisha. Tafadhali nunua kifurushi kipya.",
        HotspotRejectReason.DeviceLimitReached => "Vocha hii tayari inatumika kwenye kifaa kingine.",
        HotspotRejectReason.RouterNotAllowed => "Vocha hii haiwezi kutumika kwenye hotspot hii.",
        HotspotRejectReason.NoVoucherForDevice => "Kifaa hiki hakina vocha inayotumika. Tafadhali nunua kifurushi au weka nambari ya vocha.",
        HotspotRejectReason.DeviceMismatch => "Tafadhali ingia kwa nambari ya vocha yako.",
        _ => "Nambari ya vocha haitambuliki. Tafadhali hakikisha nambari na ujaribu tena.",
    };

    /// <summary>The message in the configured language; with both, English first and the Swahili after " / ".</summary>
    public string For(HotspotRejectReason reason)
    {
        var text = _language switch
        {
            ReplyLanguage.Sw => Swahili(reason),
            ReplyLanguage.Both => English(reason) + " / " + Swahili(reason),
            _ => English(reason),
        };
        return Encoding.UTF8.GetByteCount(text) <= MaxOctets ? text : English(reason);
    }
}
