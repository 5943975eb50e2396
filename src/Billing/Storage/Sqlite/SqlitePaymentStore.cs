using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Storage.Sqlite;

public sealed class SqlitePaymentStore(SqliteDatabase database, IVoucherCodeGenerator codes, TimeProvider time) : IPaymentStore
{
    private const string ById = "id";
    private const string ByCheckout = "checkout_request_id";
    private const string ByReceipt = "mpesa_receipt";

    /// <summary>Kenya has no daylight saving: East Africa Time is UTC+3 all year.</summary>
    private const long KenyaOffsetSeconds = 3 * 3600;

    public Task<Payment> CreateAsync(Payment payment, CancellationToken cancellationToken) =>
        database.WriteAsync(
            db =>
            {
                SqlitePaymentTable.Insert(db, payment);
                return payment;
            },
            cancellationToken);

    public Task<Payment?> AttachCheckoutAsync(
        string paymentId,
        string checkoutRequestId,
        string? merchantRequestId,
        DateTimeOffset? firstQueryAt,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(
            db =>
            {
                var holder = SqlitePaymentTable.FindBy(db, ByCheckout, checkoutRequestId);
                if (holder is not null && holder.Id != paymentId)
                {
                    throw new BillingConflictException("Another payment already has this CheckoutRequestID.");
                }

                return SqlitePaymentTable.Mutate(db, ById, paymentId, p => p.AttachCheckout(checkoutRequestId, merchantRequestId, firstQueryAt, now));
            },
            cancellationToken);
    }

    public Task<Payment?> MarkPushFailedAsync(string paymentId, string? resultCode, string? resultDesc, CancellationToken cancellationToken) =>
        MutateAsync(paymentId, (p, now) => p.MarkPushFailed(resultCode, resultDesc, now), cancellationToken);

    public Task<Payment?> FindAsync(string paymentId, CancellationToken cancellationToken) =>
        database.ReadAsync(db => SqlitePaymentTable.FindBy(db, ById, paymentId), cancellationToken);

    public Task<Payment?> FindByCheckoutRequestIdAsync(string checkoutRequestId, CancellationToken cancellationToken) =>
        database.ReadAsync(db => SqlitePaymentTable.FindBy(db, ByCheckout, checkoutRequestId), cancellationToken);

    public Task<Payment?> FindByReceiptAsync(string mpesaReceipt, CancellationToken cancellationToken) =>
        database.ReadAsync(db => SqlitePaymentTable.FindBy(db, ByReceipt, mpesaReceipt), cancellationToken);

    public Task<OutcomeResult> RecordCallbackAsync(
        string checkoutRequestId,
        PaymentOutcome outcome,
        string rawPayload,
        CancellationToken cancellationToken) =>
        ApplyOutcomeAsync(ByCheckout, checkoutRequestId, outcome, "callback", rawPayload, cancellationToken);

    public Task<Payment?> RecordRejectedCallbackAsync(string checkoutRequestId, string rawPayload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(
            db =>
            {
                var payment = SqlitePaymentTable.FindBy(db, ByCheckout, checkoutRequestId);
                if (payment is not null)
                {
                    SqlitePaymentTable.AppendPayload(db, payment.Id, "rejected-callback", rawPayload, now);
                }

                return payment;
            },
            cancellationToken);
    }

    public Task<OutcomeResult> ApplyQueryOutcomeAsync(
        string paymentId,
        PaymentOutcome outcome,
        string? rawPayload,
        CancellationToken cancellationToken) =>
        ApplyOutcomeAsync(ById, paymentId, outcome, "query", rawPayload, cancellationToken);

    public Task<IReadOnlyList<string>> ListRawPayloadsAsync(string paymentId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            db => db.Command("SELECT payload FROM payment_payloads WHERE payment_id = $payment_id ORDER BY id")
                .Bind("$payment_id", paymentId)
                .ReadAll(r => r.GetString(0)),
            cancellationToken);

    public async Task<Voucher?> MintVoucherAsync(string paymentId, CancellationToken cancellationToken)
    {
        // Already minted (the portal polling, a duplicate callback): answer from a read, no write needed.
        var minted = await database.ReadAsync(
            db => SqlitePaymentTable.FindBy(db, ById, paymentId) is { VoucherCode: { } code } ? SqliteVoucherTable.Find(db, code) : null,
            cancellationToken).ConfigureAwait(false);
        if (minted is not null)
        {
            return minted;
        }

        var now = time.GetUtcNow();
        return await database.WriteAsync(db => Mint(db, paymentId, now), cancellationToken).ConfigureAwait(false);
    }

    public Task<RecordedCallback> RecordCallbackAndMintAsync(
        string checkoutRequestId,
        PaymentOutcome outcome,
        string rawPayload,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(
            db =>
            {
                var recorded = ApplyOutcome(db, ByCheckout, checkoutRequestId, outcome, "callback", rawPayload, now);
                if (recorded.Payment is not { Status: PaymentStatus.Paid } paid)
                {
                    return new RecordedCallback(recorded, null);
                }

                // A savepoint of its own: a failed mint leaves the recorded callback to commit with the batch.
                db.Execute("SAVEPOINT mint");
                try
                {
                    var voucher = Mint(db, paid.Id, now);
                    db.Execute("RELEASE mint");
                    return new RecordedCallback(recorded with { Payment = SqlitePaymentTable.FindBy(db, ById, paid.Id) }, voucher);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    db.Execute("ROLLBACK TO mint");
                    db.Execute("RELEASE mint");
                    return new RecordedCallback(recorded, null, ex);
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Payment>> ClaimDueForQueryAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var now = time.GetUtcNow();
        return database.WriteAsync<IReadOnlyList<Payment>>(
            db =>
            {
                var due = db.Command(
                        "SELECT id FROM payments WHERE next_query_at IS NOT NULL AND next_query_at <= $now " +
                        "AND status IN ('Pending', 'TimedOut') AND (lease_until IS NULL OR lease_until <= $now) " +
                        "ORDER BY next_query_at LIMIT $max")
                    .Bind("$now", SqliteValues.ToDb(now))
                    .Bind("$max", max)
                    .ReadAll(r => r.GetString(0));
                var claimed = new List<Payment>(due.Count);
                foreach (var id in due)
                {
                    var taken = false;
                    var payment = SqlitePaymentTable.Mutate(db, ById, id, p => taken = p.TryClaimForQuery(owner, now + lease, now));
                    if (taken)
                    {
                        claimed.Add(payment!);
                    }
                }

                return claimed;
            },
            cancellationToken);
    }

    public Task<Payment?> RescheduleQueryAsync(string paymentId, string owner, DateTimeOffset? nextQueryAt, CancellationToken cancellationToken) =>
        MutateAsync(paymentId, (p, now) => p.RescheduleQuery(owner, nextQueryAt, now), cancellationToken);

    public Task<Payment?> MarkTimedOutAsync(string paymentId, string? resultDesc, DateTimeOffset? nextQueryAt, CancellationToken cancellationToken) =>
        MutateAsync(paymentId, (p, now) => p.MarkTimedOut(resultDesc, nextQueryAt, now), cancellationToken);

    public Task<long> CountAsync(PaymentCountQuery query, CancellationToken cancellationToken)
    {
        // Enum names are constants of this assembly, never user input.
        var statuses = string.Join(", ", (query.Statuses ?? []).Distinct().Select(s => $"'{s}'"));
        var where = new SqliteWhereClause()
            .And(true, "created_at >= $since")
            .And(query.Phone is not null, "phone = $phone")
            .And(query.Mac is not null, "mac = $mac")
            .And(query.ClientIp is not null, "client_ip = $client_ip")
            .And(statuses.Length > 0, $"status IN ({statuses})");

        return database.ReadAsync(
            db => db.Command("SELECT COUNT(*) FROM payments" + where)
                .Bind("$since", SqliteValues.ToDb(query.Since))
                .Bind("$phone", query.Phone?.Value)
                .Bind("$mac", query.Mac?.Value)
                .Bind("$client_ip", query.ClientIp)
                .Scalar(),
            cancellationToken);
    }

    public Task<Page<Payment>> ListAsync(PaymentQuery query, CancellationToken cancellationToken)
    {
        var where = new SqliteWhereClause()
            .And(query.Status is not null, "status = $status")
            .And(query.Phone is not null, "phone = $phone")
            .And(query.RouterId is not null, "router_id = $router_id")
            .And(query.PlanId is not null, "plan_id = $plan_id")
            .And(query.CreatedFrom is not null, "created_at >= $created_from")
            .And(query.CreatedTo is not null, "created_at < $created_to");

        return database.ReadAsync(
            db => SqlitePaging.ReadPage(
                db, "payments", SqlitePaymentTable.Columns, where, "created_at DESC, id", Bind, query.Offset, query.Limit, SqlitePaymentTable.Read),
            cancellationToken);

        SqliteCommand Bind(SqliteCommand command) =>
            command
                .Bind("$status", query.Status is { } status ? SqliteValues.ToDb(status) : null)
                .Bind("$phone", query.Phone?.Value)
                .Bind("$router_id", query.RouterId)
                .Bind("$plan_id", query.PlanId)
                .Bind("$created_from", SqliteValues.ToDb(query.CreatedFrom))
                .Bind("$created_to", SqliteValues.ToDb(query.CreatedTo));
    }

    public Task<IReadOnlyList<RevenueLine>> GetRevenueAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        RevenueGrouping grouping,
        CancellationToken cancellationToken)
    {
        var (paymentKey, c2bKey) = grouping switch
        {
            RevenueGrouping.Day => (DayKey("paid_at"), DayKey("received_at")),
            RevenueGrouping.Router => ("COALESCE(router_id, '')", "''"),
            RevenueGrouping.Plan => ("plan_id", "COALESCE(plan_id, '')"),
            _ => throw new BillingValidationException("groupBy", "must be Day, Router or Plan"),
        };

        // A C2B confirmation that repeats an STK payment's receipt is the same money: count it once.
        var sql = $"""
            SELECT key, SUM(amount), COUNT(*) FROM (
                SELECT {paymentKey} AS key, COALESCE(paid_amount_kes, amount_kes) AS amount FROM payments
                WHERE status = 'Paid' AND paid_at >= $from AND paid_at < $to
                UNION ALL
                SELECT {c2bKey} AS key, amount_kes AS amount FROM c2b_payments
                WHERE received_at >= $from AND received_at < $to
                  AND trans_id NOT IN (SELECT mpesa_receipt FROM payments WHERE mpesa_receipt IS NOT NULL)
            ) GROUP BY key ORDER BY key
            """;
        return database.ReadAsync<IReadOnlyList<RevenueLine>>(
            db => db.Command(sql)
                .Bind("$from", SqliteValues.ToDb(from))
                .Bind("$to", SqliteValues.ToDb(to))
                .ReadAll(r => new RevenueLine(r.GetString(0), r.GetInt64(1), r.GetInt64(2))),
            cancellationToken);

        static string DayKey(string column) => $"strftime('%Y-%m-%d', {column} / 1000 + {KenyaOffsetSeconds}, 'unixepoch')";
    }

    public Task<C2BRecordResult> RecordC2BAsync(C2BPayment payment, CancellationToken cancellationToken) =>
        database.WriteAsync(
            db =>
            {
                var stored = SqlitePaymentTable.FindC2B(db, payment.TransId);
                if (stored is not null)
                {
                    return new C2BRecordResult(stored, Created: false);
                }

                SqlitePaymentTable.InsertC2B(db, payment);
                return new C2BRecordResult(payment, Created: true);
            },
            cancellationToken);

    public Task<C2BPayment?> FindC2BAsync(string transId, CancellationToken cancellationToken) =>
        database.ReadAsync(db => SqlitePaymentTable.FindC2B(db, transId), cancellationToken);

    public Task<Voucher?> MintVoucherForC2BAsync(string transId, PlanSnapshot plan, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(
            db =>
            {
                var payment = SqlitePaymentTable.FindC2B(db, transId);
                if (payment is null)
                {
                    return null;
                }

                if (payment.VoucherCode is not null)
                {
                    return SqliteVoucherTable.Find(db, payment.VoucherCode);
                }

                // The same receipt may also be an STK payment (Daraja confirms STK payments to a PayBill as C2B too):
                // its voucher is the one, never a second.
                var stk = SqlitePaymentTable.FindBy(db, ByReceipt, transId);
                if (stk?.VoucherCode is { } stkVoucher)
                {
                    return SqliteVoucherTable.Find(db, stkVoucher);
                }

                var voucher = SqliteVoucherTable.FindByPaymentId(db, payment.VoucherPaymentId)
                    ?? SqliteVoucherTable.InsertNew(db, codes, new VoucherIssue(plan, VoucherSource.Payment), now, payment.VoucherPaymentId);
                payment.AttachVoucher(voucher.Code.Value, plan.PlanId);
                SqlitePaymentTable.AttachC2BVoucher(db, payment);
                return voucher;
            },
            cancellationToken);
    }

    private Task<OutcomeResult> ApplyOutcomeAsync(
        string keyColumn,
        string key,
        PaymentOutcome outcome,
        string kind,
        string? rawPayload,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(db => ApplyOutcome(db, keyColumn, key, outcome, kind, rawPayload, now), cancellationToken);
    }

    private static OutcomeResult ApplyOutcome(
        SqliteCommandCache db, string keyColumn, string key, PaymentOutcome outcome, string kind, string? rawPayload, DateTimeOffset now)
    {
        var disposition = OutcomeDisposition.UnknownPayment;
        var payment = SqlitePaymentTable.Mutate(db, keyColumn, key, p => disposition = p.Apply(outcome, now));
        if (payment is not null && rawPayload is not null)
        {
            SqlitePaymentTable.AppendPayload(db, payment.Id, kind, rawPayload, now);
        }

        return new OutcomeResult(payment, disposition);
    }

    /// <summary>
    /// Inside the single writer's transaction: exactly one voucher per payment (and vouchers.payment_id is UNIQUE as a
    /// second line of defence).
    /// </summary>
    private Voucher? Mint(SqliteCommandCache db, string paymentId, DateTimeOffset now)
    {
        var payment = SqlitePaymentTable.FindBy(db, ById, paymentId);
        if (payment is null)
        {
            return null;
        }

        if (payment.VoucherCode is not null)
        {
            return SqliteVoucherTable.Find(db, payment.VoucherCode);
        }

        if (payment.Status != PaymentStatus.Paid)
        {
            throw new BillingConflictException(payment.NotPaidMessage);
        }

        var voucher = SqliteVoucherTable.FindByPaymentId(db, payment.Id)
            ?? SqliteVoucherTable.InsertNew(db, codes, payment.VoucherIssue(), now, payment.Id, payment.Mac);
        SqlitePaymentTable.Mutate(db, ById, paymentId, p => p.AttachVoucher(voucher.Code.Value, now));
        return voucher;
    }

    private Task<Payment?> MutateAsync(string paymentId, Action<Payment, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(db => SqlitePaymentTable.Mutate(db, ById, paymentId, p => change(p, now)), cancellationToken);
    }
}
