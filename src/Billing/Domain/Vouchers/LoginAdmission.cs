using System.Diagnostics.CodeAnalysis;

namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// The answer to "may this device log in with this voucher now?". When admitted, <see cref="Voucher"/> is the
/// voucher after activation and device binding, so its remaining time is what the Access-Accept should grant.
/// </summary>
public sealed record LoginAdmission
{
    private LoginAdmission(Voucher? voucher, LoginRefusal? refusal, bool changed)
    {
        Voucher = voucher;
        Refusal = refusal;
        Changed = changed;
    }

    [MemberNotNullWhen(true, nameof(Voucher))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Admitted => Refusal is null;

    /// <summary>The voucher as stored after the decision; null only for <see cref="LoginRefusal.UnknownVoucher"/>.</summary>
    public Voucher? Voucher { get; }

    public LoginRefusal? Refusal { get; }

    /// <summary>True when this login activated the voucher or bound a new device (something had to be written).</summary>
    public bool Changed { get; }

    public static LoginAdmission Admit(Voucher voucher, bool changed) => new(voucher, null, changed);

    public static LoginAdmission Refuse(Voucher? voucher, LoginRefusal refusal) => new(voucher, refusal, false);
}
