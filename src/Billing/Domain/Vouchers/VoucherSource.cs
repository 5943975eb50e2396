namespace WifiBilling.Billing.Domain.Vouchers;

public enum VoucherSource
{
    /// <summary>Minted from a paid M-Pesa payment (STK push, or a C2B payment recovered by receipt).</summary>
    Payment = 0,

    /// <summary>Created one at a time by an operator.</summary>
    Admin = 1,

    /// <summary>Printed in a batch by an operator.</summary>
    Batch = 2,
}
