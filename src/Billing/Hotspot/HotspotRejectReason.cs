using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Hotspot;

/// <summary>Why an Access-Request was rejected; each has a Reply-Message a customer understands.</summary>
public enum HotspotRejectReason
{
    /// <summary>No such voucher, or the password does not match it (the two are not told apart).</summary>
    UnknownVoucher = LoginRefusal.UnknownVoucher,

    Revoked = LoginRefusal.Revoked,

    Expired = LoginRefusal.Expired,

    DataExhausted = LoginRefusal.DataExhausted,

    DeviceLimitReached = LoginRefusal.DeviceLimitReached,

    RouterNotAllowed = LoginRefusal.RouterNotAllowed,

    /// <summary>MAC login: no voucher with time left is bound to this device.</summary>
    NoVoucherForDevice = 100,

    /// <summary>MAC login whose MAC user name is not the device's own Calling-Station-Id.</summary>
    DeviceMismatch = 101,
}
