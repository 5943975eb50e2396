using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>Rows of <c>vouchers</c> (+ <c>voucher_devices</c>): mapping and the statements every store shares.</summary>
internal static class SqliteVoucherTable
{
    public const string Columns =
        "code, " + SqlitePlanSnapshotColumns.Names + ", source, status, created_at, activated_at, expires_at, revoked_at, " +
        "extra_seconds, used_seconds, used_bytes, bound_macs, batch_id, payment_id, phone, note, version";

    /// <summary>Gives up after this many collisions in a row: then the code space is badly configured, not unlucky.</summary>
    private const int MaxCodeAttempts = 16;

    private const string SelectByCode = "SELECT " + Columns + " FROM vouchers WHERE code = $code";

    private const string InsertSql =
        "INSERT INTO vouchers (" + Columns + ") VALUES ($code, " + SqlitePlanSnapshotColumns.Parameters +
        ", $source, $status, $created_at, $activated_at, $expires_at, $revoked_at, $extra_seconds, $used_seconds, " +
        "$used_bytes, $bound_macs, $batch_id, $payment_id, $phone, $note, $version)";

    private const string UpdateSql = """
        UPDATE vouchers SET status = $status, activated_at = $activated_at, expires_at = $expires_at,
            revoked_at = $revoked_at, extra_seconds = $extra_seconds, used_seconds = $used_seconds,
            used_bytes = $used_bytes, bound_macs = $bound_macs, version = $version
        WHERE code = $code AND version = $expected_version
        """;

    private const string UpdateUsageSql =
        "UPDATE vouchers SET used_seconds = $used_seconds, used_bytes = $used_bytes, version = $version WHERE code = $code AND version = $expected_version";

    private const string InsertDeviceSql = "INSERT OR IGNORE INTO voucher_devices (mac, code) VALUES ($mac, $code)";

    public static Voucher Read(SqliteDataReader r)
    {
        const int after = 1 + SqlitePlanSnapshotColumns.Count;
        return Voucher.Rehydrate(
            code: VoucherCode.Parse(r.GetString(0)),
            plan: SqlitePlanSnapshotColumns.Read(r, 1),
            source: r.Enum<VoucherSource>(after),
            status: r.Enum<VoucherStatus>(after + 1),
            createdAt: r.Time(after + 2),
            activatedAt: r.NullableTime(after + 3),
            expiresAt: r.NullableTime(after + 4),
            revokedAt: r.NullableTime(after + 5),
            extraTime: TimeSpan.FromSeconds(r.GetInt64(after + 6)),
            usedSeconds: r.GetInt64(after + 7),
            usedBytes: r.GetInt64(after + 8),
            boundMacs: SqliteValues.SplitMacs(r.GetString(after + 9)),
            batchId: r.NullableString(after + 10),
            paymentId: r.NullableString(after + 11),
            phone: PhoneNumber.TryParse(r.NullableString(after + 12), out var phone) ? phone : null,
            note: r.NullableString(after + 13),
            version: r.GetInt64(after + 14));
    }

    public static Voucher? Find(SqliteCommandCache db, string code) =>
        db.Command(SelectByCode).Bind("$code", code).ReadSingle(Read);

    public static Voucher? FindByPaymentId(SqliteCommandCache db, string paymentId) =>
        db.Command("SELECT " + Columns + " FROM vouchers WHERE payment_id = $payment_id")
            .Bind("$payment_id", paymentId)
            .ReadSingle(Read);

    /// <summary>
    /// Mints a voucher with a code no other voucher has. Runs inside the writer's transaction, so "check then
    /// insert" cannot race with another insert.
    /// </summary>
    public static Voucher InsertNew(
        SqliteCommandCache db,
        IVoucherCodeGenerator codes,
        VoucherIssue issue,
        DateTimeOffset now,
        string? paymentId = null,
        MacAddress? initialMac = null)
    {
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = codes.Next();
            if (db.Command("SELECT COUNT(*) FROM vouchers WHERE code = $code").Bind("$code", code.Value).Scalar() != 0)
            {
                continue;
            }

            var voucher = Voucher.Create(code, issue, now, paymentId, initialMac);
            Insert(db, voucher);
            return voucher;
        }

        throw new InvalidOperationException($"No unused voucher code after {MaxCodeAttempts} attempts; the code generator is not random enough.");
    }

    public static void Insert(SqliteCommandCache db, Voucher voucher)
    {
        var command = db.Command(InsertSql);
        SqlitePlanSnapshotColumns.Bind(command, voucher.Plan);
        command
            .Bind("$code", voucher.Code.Value)
            .Bind("$source", SqliteValues.ToDb(voucher.Source))
            .Bind("$created_at", SqliteValues.ToDb(voucher.CreatedAt))
            .Bind("$batch_id", voucher.BatchId)
            .Bind("$payment_id", voucher.PaymentId)
            .Bind("$phone", voucher.Phone?.Value)
            .Bind("$note", voucher.Note);
        BindState(command, voucher).ExecuteNonQuery();
        InsertDevices(db, voucher, alreadyStored: 0);
        db.WrittenVouchers?.Add(SqliteVoucherCache.Copy(voucher));
    }

    /// <summary>Writes a changed voucher, conditional on the version it had when read in this transaction.</summary>
    public static void Update(SqliteCommandCache db, Voucher voucher, long expectedVersion, int storedDeviceCount)
    {
        BindState(db.Command(UpdateSql).Bind("$code", voucher.Code.Value), voucher)
            .Bind("$expected_version", expectedVersion)
            .ExpectOneRow("voucher " + voucher.Code.Masked);
        InsertDevices(db, voucher, storedDeviceCount);
        db.WrittenVouchers?.Add(SqliteVoucherCache.Copy(voucher));
    }

    /// <summary>
    /// Charges accounting usage (<see cref="Voucher.ConsumeUsage"/>): only the usage columns and the version are set,
    /// so no index is rewritten on every Interim-Update (status, the one indexed state column, cannot change here).
    /// </summary>
    public static Voucher? AddUsage(SqliteCommandCache db, string code, long seconds, long bytes) =>
        SqliteMutation.Apply(Find(db, code), v => v.Version, v => v.ConsumeUsage(seconds, bytes), (v, expected) =>
        {
            db.Command(UpdateUsageSql)
                .Bind("$code", v.Code.Value)
                .Bind("$used_seconds", v.UsedSeconds)
                .Bind("$used_bytes", v.UsedBytes)
                .Bind("$version", v.Version)
                .Bind("$expected_version", expected)
                .ExpectOneRow("voucher " + v.Code.Masked);
            db.WrittenVouchers?.Add(SqliteVoucherCache.Copy(v));
        });

    /// <summary>Loads a voucher, applies a domain rule to it, and writes it back when the rule changed it.</summary>
    public static Voucher? Mutate(SqliteCommandCache db, string code, Action<Voucher> change)
    {
        var voucher = Find(db, code);
        var storedDevices = voucher?.BoundMacs.Count ?? 0;
        return SqliteMutation.Apply(voucher, v => v.Version, change, (v, expected) => Update(db, v, expected, storedDevices));
    }

    private static SqliteCommand BindState(SqliteCommand command, Voucher voucher) =>
        command
            .Bind("$status", SqliteValues.ToDb(voucher.Status))
            .Bind("$activated_at", SqliteValues.ToDb(voucher.ActivatedAt))
            .Bind("$expires_at", SqliteValues.ToDb(voucher.ExpiresAt))
            .Bind("$revoked_at", SqliteValues.ToDb(voucher.RevokedAt))
            .Bind("$extra_seconds", (long)voucher.ExtraTime.TotalSeconds)
            .Bind("$used_seconds", voucher.UsedSeconds)
            .Bind("$used_bytes", voucher.UsedBytes)
            .Bind("$bound_macs", SqliteValues.JoinMacs(voucher.BoundMacs))
            .Bind("$version", voucher.Version);

    /// <summary>Devices are only ever added, so only the ones past <paramref name="alreadyStored"/> are new.</summary>
    private static void InsertDevices(SqliteCommandCache db, Voucher voucher, int alreadyStored)
    {
        for (var i = alreadyStored; i < voucher.BoundMacs.Count; i++)
        {
            db.Command(InsertDeviceSql).Bind("$mac", voucher.BoundMacs[i].Value).Bind("$code", voucher.Code.Value).ExecuteNonQuery();
        }
    }
}
