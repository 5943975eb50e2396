using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Storage.Sqlite;

public sealed class SqliteSessionStore(SqliteDatabase database, TimeProvider time) : ISessionStore
{
    public Task<AccountingResult> RecordAccountingAsync(AccountingRecord record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = BillingIds.SessionId(record.RouterId, record.AcctSessionId);
        return database.WriteAsync(
            db =>
            {
                // Session upsert and voucher usage in the same transaction: a retransmitted record finds the
                // counters already at its values, adds nothing, and so never charges the voucher twice.
                UsageDelta added;
                AccountingSession? archived = null;
                var session = SqliteSessionTable.Find(db, id);
                if (session is not null && session.IsReusedBy(record, now))
                {
                    // A rebooted router reused the id: the old session moves aside, history kept, and a new one opens.
                    archived = session.ToArchived();
                    SqliteSessionTable.Delete(db, session);
                    SqliteSessionTable.Insert(db, archived);
                    session = null;
                }

                if (session is null)
                {
                    (session, added) = AccountingSession.Open(record, now);
                    SqliteSessionTable.Insert(db, session);
                }
                else
                {
                    var before = session.Version;
                    var identity = Identity(session);
                    added = session.Apply(record, now);
                    if (Identity(session) == identity)
                    {
                        SqliteSessionTable.UpdateCounters(db, session, before); // the usual Interim-Update
                    }
                    else
                    {
                        SqliteSessionTable.Update(db, session, before);
                    }
                }

                Voucher? voucher = null;
                if (session.VoucherCode is { } code)
                {
                    voucher = SqliteVoucherTable.AddUsage(db, code, added.Seconds, added.Bytes);
                }

                return new AccountingResult(session, added, voucher, archived);
            },
            cancellationToken);
    }

    public Task<AccountingSession?> FindAsync(string sessionId, CancellationToken cancellationToken) =>
        database.ReadAsync(db => SqliteSessionTable.Find(db, sessionId), cancellationToken);

    public Task<AccountingSession?> FindByAcctSessionIdAsync(string routerId, string acctSessionId, CancellationToken cancellationToken) =>
        FindAsync(BillingIds.SessionId(routerId, acctSessionId), cancellationToken);

    public Task<IReadOnlyList<AccountingSession>> ListOpenAsync(string? voucherCode, string? routerId, CancellationToken cancellationToken) =>
        ListAsync("stopped_at IS NULL", "started_at", voucherCode, routerId, limit: null, cancellationToken);

    public Task<IReadOnlyList<AccountingSession>> ListClosedAsync(string? voucherCode, string? routerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ListAsync("stopped_at IS NOT NULL", "stopped_at DESC, id", voucherCode, routerId, limit, cancellationToken);
    }

    public Task<IReadOnlyList<AccountingSession>> CloseRouterSessionsAsync(string routerId, string terminateCause, CancellationToken cancellationToken) =>
        CloseManyAsync(
            db => db.Command("SELECT id FROM sessions WHERE stopped_at IS NULL AND router_id = $router_id").Bind("$router_id", routerId),
            terminateCause,
            cancellationToken);

    public Task<IReadOnlyList<AccountingSession>> CloseStaleAsync(
        DateTimeOffset updatedBefore,
        string terminateCause,
        int max,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return CloseManyAsync(
            db => db.Command("SELECT id FROM sessions WHERE stopped_at IS NULL AND updated_at < $before ORDER BY updated_at LIMIT $max")
                .Bind("$before", SqliteValues.ToDb(updatedBefore))
                .Bind("$max", max),
            terminateCause,
            cancellationToken);
    }

    public Task<AccountingSession?> CloseAsync(string sessionId, string terminateCause, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(db => SqliteSessionTable.Mutate(db, sessionId, s => s.Close(terminateCause, now)), cancellationToken);
    }

    public Task<AccountingSession?> ClaimDisconnectAsync(string sessionId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = time.GetUtcNow();
        return database.WriteAsync(
            db =>
            {
                var claimed = false;
                var session = SqliteSessionTable.Mutate(db, sessionId, s => claimed = s.TryClaimDisconnect(owner, now + lease, now));
                return claimed ? session : null;
            },
            cancellationToken);
    }

    public Task<AccountingSession?> RecordDisconnectAsync(
        string sessionId,
        string owner,
        DisconnectOutcome outcome,
        CancellationToken cancellationToken) =>
        database.WriteAsync(
            db =>
            {
                var recorded = false;
                var session = SqliteSessionTable.Mutate(db, sessionId, s => recorded = s.RecordDisconnect(owner, outcome));
                return recorded ? session : null;
            },
            cancellationToken);

    private Task<IReadOnlyList<AccountingSession>> CloseManyAsync(
        Func<SqliteCommandCache, Microsoft.Data.Sqlite.SqliteCommand> selectIds,
        string terminateCause,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync<IReadOnlyList<AccountingSession>>(
            db =>
            {
                var ids = selectIds(db).ReadAll(r => r.GetString(0));
                var closed = new List<AccountingSession>(ids.Count);
                foreach (var id in ids)
                {
                    var wasClosed = false;
                    var session = SqliteSessionTable.Mutate(db, id, s => wasClosed = s.Close(terminateCause, now));
                    if (wasClosed)
                    {
                        closed.Add(session!);
                    }
                }

                return closed;
            },
            cancellationToken);
    }

    /// <summary>Sessions in <paramref name="state"/> (a constant condition), optionally of one voucher and/or router.</summary>
    private Task<IReadOnlyList<AccountingSession>> ListAsync(
        string state, string order, string? voucherCode, string? routerId, int? limit, CancellationToken cancellationToken)
    {
        var sql = "SELECT " + SqliteSessionTable.Columns + " FROM sessions WHERE " + state
            + (voucherCode is null ? string.Empty : " AND voucher_code = $voucher_code")
            + (routerId is null ? string.Empty : " AND router_id = $router_id")
            + " ORDER BY " + order
            + (limit is null ? string.Empty : " LIMIT $limit");
        var code = voucherCode is null ? null : VoucherCode.Canonical(voucherCode);
        return database.ReadAsync<IReadOnlyList<AccountingSession>>(
            db => db.Command(sql).Bind("$voucher_code", code).Bind("$router_id", routerId).Bind("$limit", limit).ReadAll(SqliteSessionTable.Read),
            cancellationToken);
    }

    /// <summary>Everything an accounting record may change besides counters and times.</summary>
    private static (string? Voucher, string User, MacAddress? Mac, System.Net.IPAddress? Framed, System.Net.IPAddress? Nas, string? NasId, string? Class, DateTimeOffset? Stopped, string? Cause)
        Identity(AccountingSession s) =>
        (s.VoucherCode, s.UserName, s.Mac, s.FramedIpAddress, s.NasIpAddress, s.NasIdentifier, s.Class, s.StoppedAt, s.TerminateCause);
}
