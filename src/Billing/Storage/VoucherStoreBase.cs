using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Storage;

/// <summary>
/// The voucher changes that are the same on every backend: find the voucher by its code as typed and apply the
/// voucher's own rule in one atomic conditional write (<see cref="MutateAsync(string, Action{Voucher}, CancellationToken)"/>).
/// </summary>
public abstract class VoucherStoreBase(TimeProvider time)
{
    protected TimeProvider Time { get; } = time;

    public Task<Voucher?> RevokeAsync(string code, CancellationToken cancellationToken) =>
        MutateAsync(code, (v, now) => v.Revoke(now), cancellationToken);

    public Task<Voucher?> ExtendAsync(string code, TimeSpan extension, CancellationToken cancellationToken) =>
        MutateAsync(code, (v, now) => v.Extend(extension, now), cancellationToken);

    public Task<Voucher?> ExpireIfDueAsync(string code, CancellationToken cancellationToken) =>
        MutateAsync(code, (v, now) => v.Expire(now), cancellationToken);

    public Task<Voucher?> AddUsageAsync(string code, long seconds, long bytes, CancellationToken cancellationToken) =>
        MutateAsync(code, (v, _) => v.ConsumeUsage(seconds, bytes), cancellationToken);

    /// <summary>Loads the voucher with this canonical code, applies <paramref name="change"/>, writes it back if it changed.</summary>
    protected abstract Task<Voucher?> MutateAsync(string canonicalCode, Action<Voucher> change, CancellationToken cancellationToken);

    private Task<Voucher?> MutateAsync(string code, Action<Voucher, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        if (!VoucherCode.TryParse(code, out var parsed))
        {
            return Task.FromResult<Voucher?>(null);
        }

        var now = Time.GetUtcNow();
        return MutateAsync(parsed.Value, v => change(v, now), cancellationToken);
    }
}
