using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>The real code generator, made to fail on demand (a store write that cannot mint).</summary>
internal sealed class FlakyVoucherCodes : IVoucherCodeGenerator
{
    private readonly VoucherCodeGenerator _real = new();

    public volatile bool Failing;

    public VoucherCode Next() => Failing ? throw new InvalidOperationException("Voucher minting is failing (test).") : _real.Next();
}
