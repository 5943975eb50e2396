using System.Text.RegularExpressions;
using MongoDB.Driver;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

public sealed class MongoVoucherStore(MongoContext context, IVoucherCodeGenerator codes, TimeProvider time) : VoucherStoreBase(time), IVoucherStore
{
    private static readonly FilterDefinitionBuilder<VoucherDocument> Filter = Builders<VoucherDocument>.Filter;

    private static readonly string[] UsableStatuses = [nameof(VoucherStatus.Unused), nameof(VoucherStatus.Active)];

    public Task<Voucher> CreateAsync(VoucherIssue issue, CancellationToken cancellationToken)
    {
        issue.Validate();
        return MongoVoucherWrites.InsertNewAsync(context, codes, issue, Time.GetUtcNow(), null, null, cancellationToken);
    }

    public async Task<IReadOnlyList<Voucher>> CreateManyAsync(VoucherIssue issue, int count, CancellationToken cancellationToken)
    {
        issue.Validate();
        issue.ValidateCount(count);

        var now = Time.GetUtcNow();
        var pending = Enumerable.Range(0, count).Select(_ => Voucher.Create(codes.Next(), issue, now)).ToList();
        var stored = new List<Voucher>(count);
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            try
            {
                await context.Vouchers.InsertManyAsync(
                    pending.Select(v => MongoMapping.ToDocument(v)),
                    new InsertManyOptions { IsOrdered = false },
                    cancellationToken).ConfigureAwait(false);
                stored.AddRange(pending);
                pending.Clear();
            }
            catch (MongoBulkWriteException<VoucherDocument> ex) when (attempt < 16 && ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
            {
                // Unordered insert: everything but the colliding codes went in; give those new codes and retry.
                var failed = ex.WriteErrors.Select(e => e.Index).ToHashSet();
                stored.AddRange(pending.Where((_, i) => !failed.Contains(i)));
                pending = pending.Where((_, i) => failed.Contains(i)).Select(_ => Voucher.Create(codes.Next(), issue, now)).ToList();
            }
        }

        return stored;
    }

    public Task<Voucher?> FindAsync(string code, CancellationToken cancellationToken) =>
        VoucherCode.TryParse(code, out var parsed)
            ? MongoVoucherWrites.FindAsync(context, parsed.Value, cancellationToken)
            : Task.FromResult<Voucher?>(null);

    public async Task<IReadOnlyList<Voucher>> FindUsableByMacAsync(MacAddress mac, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var documents = await context.Vouchers
            .Find(Filter.AnyEq(d => d.BoundMacs, mac.Value) & Filter.In(d => d.Status, UsableStatuses))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return documents.Select(MongoMapping.ToDomain)
            .Where(v => v.RemainingTime(now) > TimeSpan.Zero && v.RemainingBytes != 0)
            .OrderByDescending(v => v.ActivatedAt ?? v.CreatedAt)
            .ToList();
    }

    public async Task<Page<Voucher>> ListAsync(VoucherQuery query, CancellationToken cancellationToken)
    {
        var prefix = query.NormalisedCodePrefix();
        var filter = Filter.Empty;
        if (query.Status is { } status)
        {
            filter &= Filter.Eq(d => d.Status, status.ToString());
        }

        if (query.PlanId is not null)
        {
            filter &= Filter.Eq(d => d.Plan.PlanId, query.PlanId);
        }

        if (query.BatchId is not null)
        {
            filter &= Filter.Eq(d => d.BatchId, query.BatchId);
        }

        if (prefix.Length > 0)
        {
            // The prefix holds only Base32 symbols (validated), so it is safe inside an anchored regex.
            filter &= Filter.Regex(d => d.Code, new MongoDB.Bson.BsonRegularExpression("^" + Regex.Escape(prefix)));
        }

        if (query.CreatedFrom is { } from)
        {
            filter &= Filter.Gte(d => d.CreatedAt, from.UtcDateTime);
        }

        if (query.CreatedTo is { } to)
        {
            filter &= Filter.Lt(d => d.CreatedAt, to.UtcDateTime);
        }

        var newestFirst = Builders<VoucherDocument>.Sort.Descending(d => d.CreatedAt).Ascending(d => d.Code);
        return await MongoPaging.ToPageAsync<VoucherDocument, Voucher>(
            context.Vouchers, filter, newestFirst, query.Offset, query.Limit, MongoMapping.ToDomain, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Voucher>> ListActiveAsync(CancellationToken cancellationToken)
    {
        var documents = await context.Vouchers.Find(Filter.Eq(d => d.Status, nameof(VoucherStatus.Active)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return documents.Select(MongoMapping.ToDomain).ToList();
    }

    public async Task<LoginAdmission> AdmitLoginAsync(VoucherLogin login, CancellationToken cancellationToken)
    {
        if (!VoucherCode.TryParse(login.Code, out var code))
        {
            return LoginAdmission.Refuse(null, LoginRefusal.UnknownVoucher);
        }

        var now = Time.GetUtcNow();
        LoginAdmission? admission = null;
        var voucher = await MongoVoucherWrites.MutateAsync(
            context,
            code.Value,
            v => admission = v.Admit(login.Mac, login.RouterId, now),
            cancellationToken).ConfigureAwait(false);
        return admission ?? LoginAdmission.Refuse(voucher, LoginRefusal.UnknownVoucher);
    }

    protected override Task<Voucher?> MutateAsync(string canonicalCode, Action<Voucher> change, CancellationToken cancellationToken) =>
        MongoVoucherWrites.MutateAsync(context, canonicalCode, change, cancellationToken);
}
