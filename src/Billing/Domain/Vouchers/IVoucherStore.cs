namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// Vouchers. Codes are unique (the store retries generation on a collision). Every state change is one atomic
/// conditional write, so racing logins, top-ups and revokes never lose an update; a returned write is durable.
/// </summary>
public interface IVoucherStore
{
    /// <summary>Mints one voucher with a fresh unique code.</summary>
    Task<Voucher> CreateAsync(VoucherIssue issue, CancellationToken cancellationToken);

    /// <summary>Mints <paramref name="count"/> vouchers (1–10,000) in one durable write, e.g. a printed batch.</summary>
    Task<IReadOnlyList<Voucher>> CreateManyAsync(VoucherIssue issue, int count, CancellationToken cancellationToken);

    /// <summary>Finds a voucher by code as typed (normalised first); null for unknown or malformed codes.</summary>
    Task<Voucher?> FindAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Vouchers with <paramref name="mac"/> bound that can still be used now (not revoked, time left), most recently
    /// activated first. Backs MAC login: a paid device reconnects without retyping its code.
    /// </summary>
    Task<IReadOnlyList<Voucher>> FindUsableByMacAsync(MacAddress mac, CancellationToken cancellationToken);

    Task<Page<Voucher>> ListAsync(VoucherQuery query, CancellationToken cancellationToken);

    /// <summary>Every voucher whose status is Active (e.g. to rebuild the expiry schedule at start).</summary>
    Task<IReadOnlyList<Voucher>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Decides a login in one atomic step: activates an unused voucher and binds the device if it is new and a slot
    /// is free. Two devices racing for a one-device voucher: exactly one is admitted.
    /// </summary>
    Task<LoginAdmission> AdmitLoginAsync(VoucherLogin login, CancellationToken cancellationToken);

    /// <summary>Revokes a voucher; null when the code is unknown.</summary>
    Task<Voucher?> RevokeAsync(string code, CancellationToken cancellationToken);

    /// <summary>Tops a voucher up (see <see cref="Voucher.Extend"/>); null when the code is unknown.</summary>
    Task<Voucher?> ExtendAsync(string code, TimeSpan extension, CancellationToken cancellationToken);

    /// <summary>Marks the voucher expired if its time is over; returns it (changed or not), null when unknown.</summary>
    Task<Voucher?> ExpireIfDueAsync(string code, CancellationToken cancellationToken);

    /// <summary>Adds usage that did not come through accounting sessions; null when the code is unknown.</summary>
    Task<Voucher?> AddUsageAsync(string code, long seconds, long bytes, CancellationToken cancellationToken);
}
