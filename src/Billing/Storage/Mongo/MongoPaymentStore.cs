using MongoDB.Bson;
using MongoDB.Driver;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

public sealed class MongoPaymentStore(MongoContext context, IVoucherCodeGenerator codes, TimeProvider time) : IPaymentStore
{
    /// <summary>A replayed callback must not grow the audit trail without bound.</summary>
    private const int MaxPayloadsPerPayment = 20;

    private static readonly FilterDefinitionBuilder<PaymentDocument> Filter = Builders<PaymentDocument>.Filter;

    public async Task<Payment> CreateAsync(Payment payment, CancellationToken cancellationToken)
    {
        await context.Payments.InsertOneAsync(MongoMapping.ToDocument(payment), cancellationToken: cancellationToken).ConfigureAwait(false);
        return payment;
    }

    public async Task<Payment?> AttachCheckoutAsync(
        string paymentId,
        string checkoutRequestId,
        string? merchantRequestId,
        DateTimeOffset? firstQueryAt,
        CancellationToken cancellationToken)
    {
        var holder = await FindOneAsync(Filter.Eq(d => d.CheckoutRequestId, checkoutRequestId), cancellationToken).ConfigureAwait(false);
        if (holder is not null && holder.Id != paymentId)
        {
            throw new BillingConflictException("Another payment already has this CheckoutRequestID.");
        }

        var now = time.GetUtcNow();
        try
        {
            return await MutateAsync(Filter.Eq(d => d.Id, paymentId), p => p.AttachCheckout(checkoutRequestId, merchantRequestId, firstQueryAt, now), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (MongoWriteException ex) when (MongoCas.IsDuplicateKey(ex))
        {
            throw new BillingConflictException("Another payment already has this CheckoutRequestID.");
        }
    }

    public Task<Payment?> MarkPushFailedAsync(string paymentId, string? resultCode, string? resultDesc, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return MutateAsync(Filter.Eq(d => d.Id, paymentId), p => p.MarkPushFailed(resultCode, resultDesc, now), cancellationToken);
    }

    public Task<Payment?> FindAsync(string paymentId, CancellationToken cancellationToken) =>
        FindOneAsync(Filter.Eq(d => d.Id, paymentId), cancellationToken);

    public Task<Payment?> FindByCheckoutRequestIdAsync(string checkoutRequestId, CancellationToken cancellationToken) =>
        FindOneAsync(Filter.Eq(d => d.CheckoutRequestId, checkoutRequestId), cancellationToken);

    public Task<Payment?> FindByReceiptAsync(string mpesaReceipt, CancellationToken cancellationToken) =>
        FindOneAsync(Filter.Eq(d => d.MpesaReceipt, mpesaReceipt), cancellationToken);

    public Task<OutcomeResult> RecordCallbackAsync(string checkoutRequestId, PaymentOutcome outcome, string rawPayload, CancellationToken cancellationToken) =>
        ApplyOutcomeAsync(Filter.Eq(d => d.CheckoutRequestId, checkoutRequestId), outcome, "callback", rawPayload, cancellationToken);

    public async Task<RecordedCallback> RecordCallbackAndMintAsync(
        string checkoutRequestId, PaymentOutcome outcome, string rawPayload, CancellationToken cancellationToken)
    {
        // Two documents and no transaction: the callback is recorded first, so a failed mint never loses it.
        var recorded = await RecordCallbackAsync(checkoutRequestId, outcome, rawPayload, cancellationToken).ConfigureAwait(false);
        if (recorded.Payment is not { Status: PaymentStatus.Paid } paid)
        {
            return new RecordedCallback(recorded, null);
        }

        try
        {
            var voucher = await MintVoucherAsync(paid.Id, cancellationToken).ConfigureAwait(false);
            var current = await FindAsync(paid.Id, cancellationToken).ConfigureAwait(false);
            return new RecordedCallback(recorded with { Payment = current ?? paid }, voucher);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new RecordedCallback(recorded, null, ex);
        }
    }

    public async Task<Payment?> RecordRejectedCallbackAsync(string checkoutRequestId, string rawPayload, CancellationToken cancellationToken)
    {
        var payment = await FindByCheckoutRequestIdAsync(checkoutRequestId, cancellationToken).ConfigureAwait(false);
        if (payment is not null)
        {
            await AppendPayloadAsync(payment.Id, "rejected-callback", rawPayload, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return payment;
    }

    public Task<OutcomeResult> ApplyQueryOutcomeAsync(string paymentId, PaymentOutcome outcome, string? rawPayload, CancellationToken cancellationToken) =>
        ApplyOutcomeAsync(Filter.Eq(d => d.Id, paymentId), outcome, "query", rawPayload, cancellationToken);

    public async Task<IReadOnlyList<string>> ListRawPayloadsAsync(string paymentId, CancellationToken cancellationToken)
    {
        var payloads = await context.PaymentPayloads.Find(Builders<PaymentPayloadDocument>.Filter.Eq(d => d.PaymentId, paymentId))
            .Sort(Builders<PaymentPayloadDocument>.Sort.Ascending(d => d.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return payloads.Select(p => p.Payload).ToList();
    }

    public async Task<Voucher?> MintVoucherAsync(string paymentId, CancellationToken cancellationToken)
    {
        var payment = await FindAsync(paymentId, cancellationToken).ConfigureAwait(false);
        if (payment is null)
        {
            return null;
        }

        if (payment.VoucherCode is not null)
        {
            return await MongoVoucherWrites.FindAsync(context, payment.VoucherCode, cancellationToken).ConfigureAwait(false);
        }

        if (payment.Status != PaymentStatus.Paid)
        {
            throw new BillingConflictException(payment.NotPaidMessage);
        }

        // Exactly once: the unique index on vouchers.payment_id lets one insert win; every other caller gets the
        // duplicate-key error and returns the winner's voucher. A Paid payment never changes, so the read above stays true.
        var now = time.GetUtcNow();
        var voucher = await MongoVoucherWrites.InsertNewAsync(context, codes, payment.VoucherIssue(), now, payment.Id, payment.Mac, cancellationToken)
            .ConfigureAwait(false);
        await context.Payments.UpdateOneAsync(
                Filter.Eq(d => d.Id, payment.Id) & Filter.Eq(d => d.VoucherCode, null),
                Builders<PaymentDocument>.Update
                    .Set(d => d.VoucherCode, voucher.Code.Value)
                    .Set(d => d.UpdatedAt, now.UtcDateTime)
                    .Inc(d => d.Version, 1),
                cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return voucher;
    }

    public async Task<IReadOnlyList<Payment>> ClaimDueForQueryAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var now = time.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var candidates = await context.Payments
            .Find(Filter.In(d => d.Status, [nameof(PaymentStatus.Pending), nameof(PaymentStatus.TimedOut)])
                & Filter.Lte(d => d.NextQueryAt, nowUtc)
                & (Filter.Eq(d => d.LeaseUntil, null) | Filter.Lte(d => d.LeaseUntil, nowUtc)))
            .Sort(Builders<PaymentDocument>.Sort.Ascending(d => d.NextQueryAt))
            .Limit(max * 2)
            .Project(d => d.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var claimed = new List<Payment>(max);
        foreach (var id in candidates)
        {
            var taken = false;
            var payment = await MutateAsync(Filter.Eq(d => d.Id, id), p => taken = p.TryClaimForQuery(owner, now + lease, now), cancellationToken)
                .ConfigureAwait(false);
            if (taken)
            {
                claimed.Add(payment!);
                if (claimed.Count == max)
                {
                    break;
                }
            }
        }

        return claimed;
    }

    public Task<Payment?> RescheduleQueryAsync(string paymentId, string owner, DateTimeOffset? nextQueryAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return MutateAsync(Filter.Eq(d => d.Id, paymentId), p => p.RescheduleQuery(owner, nextQueryAt, now), cancellationToken);
    }

    public Task<Payment?> MarkTimedOutAsync(string paymentId, string? resultDesc, DateTimeOffset? nextQueryAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return MutateAsync(Filter.Eq(d => d.Id, paymentId), p => p.MarkTimedOut(resultDesc, nextQueryAt, now), cancellationToken);
    }

    public Task<long> CountAsync(PaymentCountQuery query, CancellationToken cancellationToken)
    {
        var filter = Filter.Gte(d => d.CreatedAt, query.Since.UtcDateTime);
        if (query.Phone is not null)
        {
            filter &= Filter.Eq(d => d.Phone, query.Phone.Value);
        }

        if (query.Mac is not null)
        {
            filter &= Filter.Eq(d => d.Mac, query.Mac.Value);
        }

        if (query.ClientIp is not null)
        {
            filter &= Filter.Eq(d => d.ClientIp, query.ClientIp);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            filter &= Filter.In(d => d.Status, statuses.Select(s => s.ToString()));
        }

        return context.Payments.CountDocumentsAsync(filter, cancellationToken: cancellationToken);
    }

    public async Task<Page<Payment>> ListAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        PageRequest.Validate(query.Offset, query.Limit);
        var filter = Filter.Empty;
        if (query.Status is { } status)
        {
            filter &= Filter.Eq(d => d.Status, status.ToString());
        }

        if (query.Phone is not null)
        {
            filter &= Filter.Eq(d => d.Phone, query.Phone.Value);
        }

        if (query.RouterId is not null)
        {
            filter &= Filter.Eq(d => d.RouterId, query.RouterId);
        }

        if (query.PlanId is not null)
        {
            filter &= Filter.Eq(d => d.Plan.PlanId, query.PlanId);
        }

        if (query.CreatedFrom is { } from)
        {
            filter &= Filter.Gte(d => d.CreatedAt, from.UtcDateTime);
        }

        if (query.CreatedTo is { } to)
        {
            filter &= Filter.Lt(d => d.CreatedAt, to.UtcDateTime);
        }

        var newestFirst = Builders<PaymentDocument>.Sort.Descending(d => d.CreatedAt).Ascending(d => d.Id);
        return await MongoPaging.ToPageAsync<PaymentDocument, Payment>(
            context.Payments, filter, newestFirst, query.Offset, query.Limit, MongoMapping.ToDomain, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RevenueLine>> GetRevenueAsync(DateTimeOffset from, DateTimeOffset to, RevenueGrouping grouping, CancellationToken cancellationToken)
    {
        BsonValue paymentKey = grouping switch
        {
            RevenueGrouping.Day => DayKey("$paid_at"),
            RevenueGrouping.Router => new BsonDocument("$ifNull", new BsonArray { "$router_id", string.Empty }),
            RevenueGrouping.Plan => "$plan.plan_id",
            _ => throw new BillingValidationException("groupBy", "must be Day, Router or Plan"),
        };
        BsonValue c2bKey = grouping switch
        {
            RevenueGrouping.Day => DayKey("$received_at"),
            RevenueGrouping.Router => string.Empty,
            _ => new BsonDocument("$ifNull", new BsonArray { "$plan_id", string.Empty }),
        };
        var range = new BsonDocument { { "$gte", from.UtcDateTime }, { "$lt", to.UtcDateTime } };

        BsonDocument[] stages =
        [
            new("$match", new BsonDocument { { "status", nameof(PaymentStatus.Paid) }, { "paid_at", range } }),
            new("$project", new BsonDocument
            {
                { "key", paymentKey },
                { "amount", new BsonDocument("$ifNull", new BsonArray { "$paid_amount_kes", "$amount_kes" }) },
            }),
            new("$unionWith", new BsonDocument
            {
                { "coll", context.C2BPayments.CollectionNamespace.CollectionName },
                {
                    "pipeline", new BsonArray
                    {
                        new BsonDocument("$match", new BsonDocument("received_at", range)),
                        // A C2B confirmation that repeats an STK payment's receipt is the same money: count it once.
                        new BsonDocument("$lookup", new BsonDocument
                        {
                            { "from", context.Payments.CollectionNamespace.CollectionName },
                            { "localField", "_id" },
                            { "foreignField", "mpesa_receipt" },
                            { "as", "stk" },
                        }),
                        new BsonDocument("$match", new BsonDocument("stk", new BsonDocument("$size", 0))),
                        new BsonDocument("$project", new BsonDocument { { "key", c2bKey }, { "amount", "$amount_kes" } }),
                    }
                },
            }),
            new("$group", new BsonDocument
            {
                { "_id", "$key" },
                { "amount", new BsonDocument("$sum", "$amount") },
                { "count", new BsonDocument("$sum", 1L) },
            }),
            new("$sort", new BsonDocument("_id", 1)),
        ];

        var rows = await context.Payments.Aggregate(PipelineDefinition<PaymentDocument, BsonDocument>.Create(stages), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new RevenueLine(r["_id"].AsString, r["amount"].ToInt64(), r["count"].ToInt64())).ToList();

        // Kenya is UTC+3 all year (no daylight saving).
        static BsonDocument DayKey(string field) =>
            new("$dateToString", new BsonDocument { { "format", "%Y-%m-%d" }, { "date", field }, { "timezone", "+03:00" } });
    }

    public async Task<C2BRecordResult> RecordC2BAsync(C2BPayment payment, CancellationToken cancellationToken)
    {
        try
        {
            await context.C2BPayments.InsertOneAsync(MongoMapping.ToDocument(payment), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new C2BRecordResult(payment, Created: true);
        }
        catch (MongoWriteException ex) when (MongoCas.IsDuplicateKey(ex))
        {
            var stored = await FindC2BAsync(payment.TransId, cancellationToken).ConfigureAwait(false);
            return new C2BRecordResult(stored ?? payment, Created: false);
        }
    }

    public async Task<C2BPayment?> FindC2BAsync(string transId, CancellationToken cancellationToken)
    {
        var document = await context.C2BPayments.Find(Builders<C2BPaymentDocument>.Filter.Eq(d => d.TransId, transId))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : MongoMapping.ToDomain(document);
    }

    public async Task<Voucher?> MintVoucherForC2BAsync(string transId, PlanSnapshot plan, CancellationToken cancellationToken)
    {
        var payment = await FindC2BAsync(transId, cancellationToken).ConfigureAwait(false);
        if (payment is null)
        {
            return null;
        }

        if (payment.VoucherCode is not null)
        {
            return await MongoVoucherWrites.FindAsync(context, payment.VoucherCode, cancellationToken).ConfigureAwait(false);
        }

        // The same receipt may also be an STK payment (Daraja confirms STK payments to a PayBill as C2B too).
        if (await FindByReceiptAsync(transId, cancellationToken).ConfigureAwait(false) is { VoucherCode: { } stkVoucher })
        {
            return await MongoVoucherWrites.FindAsync(context, stkVoucher, cancellationToken).ConfigureAwait(false);
        }

        var voucher = await MongoVoucherWrites.InsertNewAsync(
            context, codes, new VoucherIssue(plan, VoucherSource.Payment), time.GetUtcNow(), payment.VoucherPaymentId, null, cancellationToken)
            .ConfigureAwait(false);
        await context.C2BPayments.UpdateOneAsync(
                Builders<C2BPaymentDocument>.Filter.Eq(d => d.TransId, transId) & Builders<C2BPaymentDocument>.Filter.Eq(d => d.VoucherCode, null),
                Builders<C2BPaymentDocument>.Update.Set(d => d.VoucherCode, voucher.Code.Value).Set(d => d.PlanId, voucher.Plan.PlanId),
                cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return voucher;
    }

    private async Task<OutcomeResult> ApplyOutcomeAsync(
        FilterDefinition<PaymentDocument> find,
        PaymentOutcome outcome,
        string kind,
        string? rawPayload,
        CancellationToken cancellationToken)
    {
        var payment = await FindOneAsync(find, cancellationToken).ConfigureAwait(false);
        if (payment is null)
        {
            return new OutcomeResult(null, OutcomeDisposition.UnknownPayment);
        }

        var now = time.GetUtcNow();
        if (rawPayload is not null)
        {
            // Kept first, so the audit trail has the payload even if applying it is interrupted.
            await AppendPayloadAsync(payment.Id, kind, rawPayload, now, cancellationToken).ConfigureAwait(false);
        }

        var disposition = OutcomeDisposition.UnknownPayment;
        var applied = await MutateAsync(Filter.Eq(d => d.Id, payment.Id), p => disposition = p.Apply(outcome, now), cancellationToken)
            .ConfigureAwait(false);
        return new OutcomeResult(applied, disposition);
    }

    private async Task AppendPayloadAsync(string paymentId, string kind, string payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = Builders<PaymentPayloadDocument>.Filter.Eq(d => d.PaymentId, paymentId);
        if (await context.PaymentPayloads.CountDocumentsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false) >= MaxPayloadsPerPayment)
        {
            return;
        }

        await context.PaymentPayloads.InsertOneAsync(
                new PaymentPayloadDocument { Id = ObjectId.GenerateNewId(), PaymentId = paymentId, Kind = kind, ReceivedAt = now.UtcDateTime, Payload = payload },
                cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<Payment?> FindOneAsync(FilterDefinition<PaymentDocument> filter, CancellationToken cancellationToken)
    {
        var document = await context.Payments.Find(filter).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : MongoMapping.ToDomain(document);
    }

    private Task<Payment?> MutateAsync(FilterDefinition<PaymentDocument> find, Action<Payment> change, CancellationToken cancellationToken) =>
        MongoCas.MutateAsync(
            context.Payments,
            find,
            MongoMapping.ToDomain,
            p => p.Version,
            (_, payment) => MongoMapping.ToDocument(payment),
            d => d.Id,
            change,
            cancellationToken);
}
