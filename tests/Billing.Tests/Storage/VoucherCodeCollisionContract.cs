using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The store, not luck, keeps codes unique: a colliding code is drawn again.</summary>
public abstract class VoucherCodeCollisionContract<TBackend> : StoreContract<TBackend>
    where TBackend : IStoreBackend, new()
{
    private readonly ScriptedCodes _codes = new("7K3M9P2QXZ", "7K3M9P2QXZ", "7K3M9P2QXZ", "HX4N8R2TVW");

    protected override IVoucherCodeGenerator? Codes => _codes;

    [SkippableFact]
    public async Task Create_CodeAlreadyTaken_RetriesWithANewCode()
    {
        var first = await CreateVoucherAsync();
        var second = await CreateVoucherAsync();

        first.Code.Value.Should().Be("7K3M9P2QXZ");
        second.Code.Value.Should().Be("HX4N8R2TVW", "the two colliding draws were skipped");
        (await Stores.Vouchers.FindAsync("7K3M9P2QXZ", default))!.CreatedAt.Should().Be(first.CreatedAt);
    }

    private sealed class ScriptedCodes(params string[] codes) : IVoucherCodeGenerator
    {
        private int _next;

        public VoucherCode Next() => VoucherCode.Parse(codes[Math.Min(_next++, codes.Length - 1)]);
    }
}
