using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>Rows of <c>payments</c>, <c>payment_payloads</c> and <c>c2b_payments</c>.</summary>
internal static class SqlitePaymentTable
{
    public const string Columns =
        "id, " + SqlitePlanSnapshotColumns.Names + ", amount_kes, phone, router_id, mac, client_ip, checkout_request_id, " +
        "merchant_request_id, status, result_code, result_desc, mpesa_receipt, paid_amount_kes, voucher_code, created_at, " +
        "updated_at, paid_at, next_query_at, query_attempts, lease_owner, lease_until, version";

    public const string C2BColumns =
        "trans_id, amount_kes, bill_ref_number, msisdn, business_short_code, trans_time, raw_payload, received_at, voucher_code, plan_id";

    /// <summary>A replayed callback must not grow the audit trail without bound.</summary>
    public const int MaxPayloadsPerPayment = 20;

    private const string InsertSql =
        "INSERT INTO payments (" + Columns + ") VALUES ($id, " + SqlitePlanSnapshotColumns.Parameters +
        ", $amount_kes, $phone, $router_id, $mac, $client_ip, $checkout_request_id, $merchant_request_id, $status, " +
        "$result_code, $result_desc, $mpesa_receipt, $paid_amount_kes, $voucher_code, $created_at, $updated_at, $paid_at, " +
        "$next_query_at, $query_attempts, $lease_owner, $lease_until, $version)";

    private const string UpdateSql = """
        UPDATE payments SET checkout_request_id = $checkout_request_id, merchant_request_id = $merchant_request_id,
            status = $status, result_code = $result_code, result_desc = $result_desc, mpesa_receipt = $mpesa_receipt,
            paid_amount_kes = $paid_amount_kes, voucher_code = $voucher_code, updated_at = $updated_at, paid_at = $paid_at,
            next_query_at = $next_query_at, query_attempts = $query_attempts, lease_owner = $lease_owner,
            lease_until = $lease_until, version = $version
        WHERE id = $id AND version = $expected_version
        """;

    public static Payment Read(SqliteDataReader r)
    {
        const int after = 1 + SqlitePlanSnapshotColumns.Count;
        return Payment.Rehydrate(
            id: r.GetString(0),
            plan: SqlitePlanSnapshotColumns.Read(r, 1),
            amountKes: r.GetInt64(after),
            phone: PhoneNumber.Parse(r.GetString(after + 1)),
            routerId: r.NullableString(after + 2),
            mac: r.Mac(after + 3),
            clientIp: r.NullableString(after + 4),
            checkoutRequestId: r.NullableString(after + 5),
            merchantRequestId: r.NullableString(after + 6),
            status: r.Enum<PaymentStatus>(after + 7),
            resultCode: r.NullableString(after + 8),
            resultDesc: r.NullableString(after + 9),
            mpesaReceipt: r.NullableString(after + 10),
            paidAmountKes: r.NullableInt64(after + 11),
            voucherCode: r.NullableString(after + 12),
            createdAt: r.Time(after + 13),
            updatedAt: r.Time(after + 14),
            paidAt: r.NullableTime(after + 15),
            nextQueryAt: r.NullableTime(after + 16),
            queryAttempts: r.GetInt32(after + 17),
            leaseOwner: r.NullableString(after + 18),
            leaseUntil: r.NullableTime(after + 19),
            version: r.GetInt64(after + 20));
    }

    public static Payment? FindBy(SqliteCommandCache db, string column, string value) =>
        db.Command(column switch
            {
                "id" => "SELECT " + Columns + " FROM payments WHERE id = $value",
                "checkout_request_id" => "SELECT " + Columns + " FROM payments WHERE checkout_request_id = $value",
                "mpesa_receipt" => "SELECT " + Columns + " FROM payments WHERE mpesa_receipt = $value",
                _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a payment key."),
            })
            .Bind("$value", value)
            .ReadSingle(Read);

    public static void Insert(SqliteCommandCache db, Payment payment)
    {
        var command = db.Command(InsertSql);
        SqlitePlanSnapshotColumns.Bind(command, payment.Plan);
        command
            .Bind("$amount_kes", payment.AmountKes)
            .Bind("$phone", payment.Phone.Value)
            .Bind("$router_id", payment.RouterId)
            .Bind("$mac", payment.Mac?.Value)
            .Bind("$client_ip", payment.ClientIp)
            .Bind("$created_at", SqliteValues.ToDb(payment.CreatedAt));
        BindState(command, payment).ExecuteNonQuery();
    }

    /// <summary>Loads a payment by a key, applies a domain rule, writes it back when the rule changed it.</summary>
    public static Payment? Mutate(SqliteCommandCache db, string column, string value, Action<Payment> change) =>
        SqliteMutation.Apply(
            FindBy(db, column, value),
            p => p.Version,
            change,
            (p, expected) => BindState(db.Command(UpdateSql), p).Bind("$expected_version", expected).ExpectOneRow("payment " + p.MaskedId));

    public static void AppendPayload(SqliteCommandCache db, string paymentId, string kind, string payload, DateTimeOffset now)
    {
        var stored = db.Command("SELECT COUNT(*) FROM payment_payloads WHERE payment_id = $payment_id")
            .Bind("$payment_id", paymentId)
            .Scalar();
        if (stored >= MaxPayloadsPerPayment)
        {
            return;
        }

        db.Command("INSERT INTO payment_payloads (payment_id, kind, received_at, payload) VALUES ($payment_id, $kind, $received_at, $payload)")
            .Bind("$payment_id", paymentId)
            .Bind("$kind", kind)
            .Bind("$received_at", SqliteValues.ToDb(now))
            .Bind("$payload", payload)
            .ExecuteNonQuery();
    }

    public static C2BPayment ReadC2B(SqliteDataReader r) =>
        C2BPayment.Rehydrate(
            transId: r.GetString(0),
            amountKes: r.GetInt64(1),
            billRefNumber: r.NullableString(2),
            msisdn: r.NullableString(3),
            businessShortCode: r.NullableString(4),
            transTime: r.NullableTime(5),
            rawPayload: r.NullableString(6),
            receivedAt: r.Time(7),
            voucherCode: r.NullableString(8),
            planId: r.NullableString(9));

    public static C2BPayment? FindC2B(SqliteCommandCache db, string transId) =>
        db.Command("SELECT " + C2BColumns + " FROM c2b_payments WHERE trans_id = $trans_id")
            .Bind("$trans_id", transId)
            .ReadSingle(ReadC2B);

    public static void InsertC2B(SqliteCommandCache db, C2BPayment payment) =>
        db.Command("INSERT INTO c2b_payments (" + C2BColumns + ") VALUES ($trans_id, $amount_kes, $bill_ref_number, $msisdn, " +
                "$business_short_code, $trans_time, $raw_payload, $received_at, $voucher_code, $plan_id)")
            .Bind("$trans_id", payment.TransId)
            .Bind("$amount_kes", payment.AmountKes)
            .Bind("$bill_ref_number", payment.BillRefNumber)
            .Bind("$msisdn", payment.Msisdn)
            .Bind("$business_short_code", payment.BusinessShortCode)
            .Bind("$trans_time", SqliteValues.ToDb(payment.TransTime))
            .Bind("$raw_payload", payment.RawPayload)
            .Bind("$received_at", SqliteValues.ToDb(payment.ReceivedAt))
            .Bind("$voucher_code", payment.VoucherCode)
            .Bind("$plan_id", payment.PlanId)
            .ExecuteNonQuery();

    public static void AttachC2BVoucher(SqliteCommandCache db, C2BPayment payment) =>
        db.Command("UPDATE c2b_payments SET voucher_code = $voucher_code, plan_id = $plan_id WHERE trans_id = $trans_id AND voucher_code IS NULL")
            .Bind("$trans_id", payment.TransId)
            .Bind("$voucher_code", payment.VoucherCode)
            .Bind("$plan_id", payment.PlanId)
            .ExpectOneRow("C2B payment " + payment.TransId);

    private static SqliteCommand BindState(SqliteCommand command, Payment payment) =>
        command
            .Bind("$id", payment.Id)
            .Bind("$checkout_request_id", payment.CheckoutRequestId)
            .Bind("$merchant_request_id", payment.MerchantRequestId)
            .Bind("$status", SqliteValues.ToDb(payment.Status))
            .Bind("$result_code", payment.ResultCode)
            .Bind("$result_desc", payment.ResultDesc)
            .Bind("$mpesa_receipt", payment.MpesaReceipt)
            .Bind("$paid_amount_kes", payment.PaidAmountKes)
            .Bind("$voucher_code", payment.VoucherCode)
            .Bind("$updated_at", SqliteValues.ToDb(payment.UpdatedAt))
            .Bind("$paid_at", SqliteValues.ToDb(payment.PaidAt))
            .Bind("$next_query_at", SqliteValues.ToDb(payment.NextQueryAt))
            .Bind("$query_attempts", payment.QueryAttempts)
            .Bind("$lease_owner", payment.LeaseOwner)
            .Bind("$lease_until", SqliteValues.ToDb(payment.LeaseUntil))
            .Bind("$version", payment.Version);
}
