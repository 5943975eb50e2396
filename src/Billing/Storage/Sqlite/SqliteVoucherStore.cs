using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Storage.Sqlite;

public sealed class SqliteVoucherStore(SqliteDatabase database, IVoucherCodeGenerator codes, TimeProvider time) : VoucherStoreBase(time), IVoucherStore
{
    private const string UsableStatuses = "('Unused', 'Active')";

    public Task<Voucher> CreateAsync(VoucherIssue issue, CancellationToken cancellationToken)
    {
        issue.Validate();
        var now = Time.GetUtcNow();
        return database.WriteAsync(db => SqliteVoucherTable.InsertNew(db, codes, issue, now), cancellationToken);
    }

    public Task<IReadOnlyList<Voucher>> CreateManyAsync(VoucherIssue issue, int count, CancellationToken cancellationToken)
    {
        issue.Validate();
        issue.ValidateCount(count);

        var now = Time.GetUtcNow();
        return database.WriteAsync<IReadOnlyList<Voucher>>(
            db =>
            {
                var vouchers = new Voucher[count];
                for (var i = 0; i < count; i++)
                {
                    vouchers[i] = SqliteVoucherTable.InsertNew(db, codes, issue, now);
                }

                return vouchers;
            },
            cancellationToken);
    }

    public Task<Voucher?> FindAsync(string code, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(VoucherCode.TryParse(code, out var parsed) ? FindCommitted(parsed.Value) : null);
    }

    public Task<IReadOnlyList<Voucher>> FindUsableByMacAsync(MacAddress mac, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        // "+status": keeps SQLite from choosing ix_vouchers_status, which walks every usable voucher (7.7 ms at
        // 100,000); the device's few codes come from voucher_devices' key instead (µs). RouterOS sends a MAC login
        // for every new device it sees, so this runs often and mostly finds nothing.
        return database.ReadAsync<IReadOnlyList<Voucher>>(
            db => db.Command(
                    "SELECT " + SqliteVoucherTable.Columns + " FROM vouchers WHERE +status IN " + UsableStatuses +
                    " AND code IN (SELECT code FROM voucher_devices WHERE mac = $mac)")
                .Bind("$mac", mac.Value)
                .ReadAll(SqliteVoucherTable.Read)
                .Where(v => v.RemainingTime(now) > TimeSpan.Zero && v.RemainingBytes != 0)
                .OrderByDescending(v => v.ActivatedAt ?? v.CreatedAt)
                .ToList(),
            cancellationToken);
    }

    public Task<Page<Voucher>> ListAsync(VoucherQuery query, CancellationToken cancellationToken)
    {
        var prefix = query.NormalisedCodePrefix();
        var where = new SqliteWhereClause()
            .And(query.Status is not null, "status = $status")
            .And(query.PlanId is not null, "plan_id = $plan_id")
            .And(query.BatchId is not null, "batch_id = $batch_id")
            .And(prefix.Length > 0, "code >= $prefix AND code < $prefix_end")
            .And(query.CreatedFrom is not null, "created_at >= $created_from")
            .And(query.CreatedTo is not null, "created_at < $created_to");

        return database.ReadAsync(
            db => SqlitePaging.ReadPage(
                db, "vouchers", SqliteVoucherTable.Columns, where, "created_at DESC, code", Bind, query.Offset, query.Limit, SqliteVoucherTable.Read),
            cancellationToken);

        Microsoft.Data.Sqlite.SqliteCommand Bind(Microsoft.Data.Sqlite.SqliteCommand command) =>
            command
                .Bind("$status", query.Status is { } status ? SqliteValues.ToDb(status) : null)
                .Bind("$plan_id", query.PlanId)
                .Bind("$batch_id", query.BatchId)
                // Codes are upper-case ASCII: every code starting with the prefix sorts in [prefix, prefix + '~').
                .Bind("$prefix", prefix)
                .Bind("$prefix_end", prefix + "~")
                .Bind("$created_from", SqliteValues.ToDb(query.CreatedFrom))
                .Bind("$created_to", SqliteValues.ToDb(query.CreatedTo));
    }

    public Task<IReadOnlyList<Voucher>> ListActiveAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Voucher>>(
            db => db.Command("SELECT " + SqliteVoucherTable.Columns + " FROM vouchers WHERE status = 'Active'")
                .ReadAll(SqliteVoucherTable.Read),
            cancellationToken);

    public async Task<LoginAdmission> AdmitLoginAsync(VoucherLogin login, CancellationToken cancellationToken)
    {
        if (!VoucherCode.TryParse(login.Code, out var code))
        {
            return LoginAdmission.Refuse(null, LoginRefusal.UnknownVoucher);
        }

        var now = Time.GetUtcNow();

        // Fast path for the common re-login: decide on a read; only go through the writer when the login must
        // change something (activate, bind a device). A stale read can only refuse or admit what a moment earlier
        // would have been refused or admitted too; every change is re-decided inside the write transaction.
        cancellationToken.ThrowIfCancellationRequested();
        var current = FindCommitted(code.Value);
        if (current is null)
        {
            return LoginAdmission.Refuse(null, LoginRefusal.UnknownVoucher);
        }

        var decision = current.Admit(login.Mac, login.RouterId, now);
        if (!decision.Changed)
        {
            return decision;
        }

        return await database.WriteAsync(
            db =>
            {
                LoginAdmission? admission = null;
                var voucher = SqliteVoucherTable.Mutate(db, code.Value, v => admission = v.Admit(login.Mac, login.RouterId, now));
                return admission ?? LoginAdmission.Refuse(voucher, LoginRefusal.UnknownVoucher);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The voucher as last committed: from the voucher cache, else read (and offered to the cache).</summary>
    private Voucher? FindCommitted(string canonicalCode)
    {
        var cache = database.Vouchers;
        if (cache.TryGet(canonicalCode, out var cached))
        {
            return cached;
        }

        var generation = cache.Generation;
        var read = database.Read(db => SqliteVoucherTable.Find(db, canonicalCode));
        if (read is not null)
        {
            cache.Offer(read, generation);
        }

        return read;
    }

    protected override Task<Voucher?> MutateAsync(string canonicalCode, Action<Voucher> change, CancellationToken cancellationToken) =>
        database.WriteAsync(db => SqliteVoucherTable.Mutate(db, canonicalCode, change), cancellationToken);
}
