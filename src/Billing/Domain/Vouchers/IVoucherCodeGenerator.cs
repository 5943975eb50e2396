namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>Makes new voucher codes. Uniqueness is the store's job (unique index + retry).</summary>
public interface IVoucherCodeGenerator
{
    VoucherCode Next();
}
