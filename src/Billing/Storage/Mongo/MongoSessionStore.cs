using MongoDB.Bson;
using MongoDB.Driver;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>
/// Sessions on MongoDB. Without a multi-document transaction the session and the voucher are two writes, so the
/// voucher is charged by <c>$max</c> of the session's own cumulative counters under the session's key
/// (<c>session_usage.&lt;session id&gt;</c>), not by adding a delta: a retransmitted, reordered or retried record
/// sets the same or a smaller value and changes nothing, so usage can never be counted twice; and if the process
/// dies between the two writes, the router retransmits (no Accounting-Response went out) and the retry charges it.
/// </summary>
public sealed class MongoSessionStore(MongoContext context, TimeProvider time) : ISessionStore
{
    private const int MaxAttempts = 32;

    private static readonly FilterDefinitionBuilder<SessionDocument> Filter = Builders<SessionDocument>.Filter;

    public async Task<AccountingResult> RecordAccountingAsync(AccountingRecord record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (session, added, archived) = await UpsertSessionAsync(record, now, cancellationToken).ConfigureAwait(false);
        Voucher? voucher = null;
        if (session.VoucherCode is { } code)
        {
            var usage = "session_usage." + session.Id;
            var charged = await context.Vouchers.FindOneAndUpdateAsync(
                    Builders<VoucherDocument>.Filter.Eq(d => d.Code, code),
                    new BsonDocumentUpdateDefinition<VoucherDocument>(new BsonDocument
                    {
                        { "$max", new BsonDocument { { usage + ".s", session.SessionSeconds }, { usage + ".b", session.TotalBytes } } },
                        { "$inc", new BsonDocument("version", 1L) },
                    }),
                    new FindOneAndUpdateOptions<VoucherDocument> { ReturnDocument = ReturnDocument.After },
                    cancellationToken)
                .ConfigureAwait(false);
            voucher = charged is null ? null : MongoMapping.ToDomain(charged);
        }

        return new AccountingResult(session, added, voucher, archived);
    }

    public Task<AccountingSession?> FindAsync(string sessionId, CancellationToken cancellationToken) =>
        FindOneAsync(sessionId, cancellationToken);

    public Task<AccountingSession?> FindByAcctSessionIdAsync(string routerId, string acctSessionId, CancellationToken cancellationToken) =>
        FindOneAsync(BillingIds.SessionId(routerId, acctSessionId), cancellationToken);

    public async Task<IReadOnlyList<AccountingSession>> ListOpenAsync(string? voucherCode, string? routerId, CancellationToken cancellationToken)
    {
        var documents = await context.Sessions.Find(Of(Filter.Eq(d => d.StoppedAt, null), voucherCode, routerId))
            .Sort(Builders<SessionDocument>.Sort.Ascending(d => d.StartedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return documents.Select(MongoMapping.ToDomain).ToList();
    }

    public async Task<IReadOnlyList<AccountingSession>> ListClosedAsync(string? voucherCode, string? routerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var documents = await context.Sessions.Find(Of(Filter.Ne(d => d.StoppedAt, null), voucherCode, routerId))
            .Sort(Builders<SessionDocument>.Sort.Descending(d => d.StoppedAt).Ascending(d => d.Id))
            .Limit(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return documents.Select(MongoMapping.ToDomain).ToList();
    }

    public Task<IReadOnlyList<AccountingSession>> CloseRouterSessionsAsync(string routerId, string terminateCause, CancellationToken cancellationToken) =>
        CloseManyAsync(Filter.Eq(d => d.StoppedAt, null) & Filter.Eq(d => d.RouterId, routerId), int.MaxValue, terminateCause, cancellationToken);

    public Task<IReadOnlyList<AccountingSession>> CloseStaleAsync(DateTimeOffset updatedBefore, string terminateCause, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return CloseManyAsync(
            Filter.Eq(d => d.StoppedAt, null) & Filter.Lt(d => d.UpdatedAt, updatedBefore.UtcDateTime),
            max,
            terminateCause,
            cancellationToken);
    }

    public Task<AccountingSession?> CloseAsync(string sessionId, string terminateCause, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return MutateAsync(sessionId, s => s.Close(terminateCause, now), cancellationToken);
    }

    public async Task<AccountingSession?> ClaimDisconnectAsync(string sessionId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = time.GetUtcNow();
        var claimed = false;
        var session = await MutateAsync(sessionId, s => claimed = s.TryClaimDisconnect(owner, now + lease, now), cancellationToken).ConfigureAwait(false);
        return claimed ? session : null;
    }

    public async Task<AccountingSession?> RecordDisconnectAsync(string sessionId, string owner, DisconnectOutcome outcome, CancellationToken cancellationToken)
    {
        var recorded = false;
        var session = await MutateAsync(sessionId, s => recorded = s.RecordDisconnect(owner, outcome), cancellationToken).ConfigureAwait(false);
        return recorded ? session : null;
    }

    /// <summary>Sessions matching <paramref name="state"/>, narrowed to one voucher and/or router when given.</summary>
    private static FilterDefinition<SessionDocument> Of(FilterDefinition<SessionDocument> state, string? voucherCode, string? routerId)
    {
        if (voucherCode is not null)
        {
            state &= Filter.Eq(d => d.VoucherCode, VoucherCode.Canonical(voucherCode));
        }

        if (routerId is not null)
        {
            state &= Filter.Eq(d => d.RouterId, routerId);
        }

        return state;
    }

    /// <summary>Insert-or-compare-and-set: the domain merges the record; the write is conditional on the version read.</summary>
    private async Task<(AccountingSession Session, UsageDelta Added, AccountingSession? Archived)> UpsertSessionAsync(
        AccountingRecord record,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = BillingIds.SessionId(record.RouterId, record.AcctSessionId);
        AccountingSession? archived = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await context.Sessions.Find(Filter.Eq(d => d.Id, id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                var (opened, added) = AccountingSession.Open(record, now);
                try
                {
                    await context.Sessions.InsertOneAsync(MongoMapping.ToDocument(opened), cancellationToken: cancellationToken).ConfigureAwait(false);
                    return (opened, added, archived);
                }
                catch (MongoWriteException ex) when (MongoCas.IsDuplicateKey(ex))
                {
                    continue; // Another instance created it first: merge into theirs.
                }
            }

            var session = MongoMapping.ToDomain(stored);
            if (session.IsReusedBy(record, now))
            {
                archived = await ArchiveAsync(session, cancellationToken).ConfigureAwait(false);
                continue; // now absent: the next attempt opens the new session
            }

            var before = session.Version;
            var delta = session.Apply(record, now);
            var replaced = await context.Sessions.ReplaceOneAsync(
                    Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Version, before),
                    MongoMapping.ToDocument(session),
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (replaced.MatchedCount == 1)
            {
                return (session, delta, archived);
            }
        }

        throw new InvalidOperationException($"Gave up after {MaxAttempts} concurrent changes to one session.");
    }

    /// <summary>
    /// Moves a closed session aside for a reused Acct-Session-Id, each step safe to repeat after a crash: the archive
    /// copy has a deterministic id (a second insert is a duplicate key), the voucher's per-session usage key moves with
    /// it (so the new session's <c>$max</c> charge starts from 0), and the old document goes only at the version read.
    /// </summary>
    private async Task<AccountingSession> ArchiveAsync(AccountingSession session, CancellationToken cancellationToken)
    {
        var archived = session.ToArchived();
        try
        {
            await context.Sessions.InsertOneAsync(MongoMapping.ToDocument(archived), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MongoWriteException ex) when (MongoCas.IsDuplicateKey(ex))
        {
            // Archived by an earlier attempt or another instance.
        }

        if (session.VoucherCode is { } code)
        {
            await context.Vouchers.UpdateOneAsync(
                    Builders<VoucherDocument>.Filter.Eq(d => d.Code, code) & Builders<VoucherDocument>.Filter.Exists("session_usage." + session.Id),
                    new BsonDocumentUpdateDefinition<VoucherDocument>(new BsonDocument
                    {
                        { "$rename", new BsonDocument("session_usage." + session.Id, "session_usage." + archived.Id) },
                        { "$inc", new BsonDocument("version", 1L) },
                    }),
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }

        await context.Sessions.DeleteOneAsync(Filter.Eq(d => d.Id, session.Id) & Filter.Eq(d => d.Version, session.Version), cancellationToken)
            .ConfigureAwait(false);
        return archived;
    }

    private async Task<IReadOnlyList<AccountingSession>> CloseManyAsync(
        FilterDefinition<SessionDocument> filter,
        int max,
        string terminateCause,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = await context.Sessions.Find(filter)
            .Sort(Builders<SessionDocument>.Sort.Ascending(d => d.UpdatedAt))
            .Limit(max == int.MaxValue ? null : max)
            .Project(d => d.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var closed = new List<AccountingSession>(ids.Count);
        foreach (var id in ids)
        {
            var wasClosed = false;
            var session = await MutateAsync(id, s => wasClosed = s.Close(terminateCause, now), cancellationToken).ConfigureAwait(false);
            if (wasClosed)
            {
                closed.Add(session!);
            }
        }

        return closed;
    }

    private async Task<AccountingSession?> FindOneAsync(string sessionId, CancellationToken cancellationToken)
    {
        var document = await context.Sessions.Find(Filter.Eq(d => d.Id, sessionId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : MongoMapping.ToDomain(document);
    }

    private Task<AccountingSession?> MutateAsync(string sessionId, Action<AccountingSession> change, CancellationToken cancellationToken) =>
        MongoCas.MutateAsync(
            context.Sessions,
            Filter.Eq(d => d.Id, sessionId),
            MongoMapping.ToDomain,
            s => s.Version,
            (_, session) => MongoMapping.ToDocument(session),
            d => d.Id,
            change,
            cancellationToken);
}
