using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain.Sessions;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>Rows of <c>sessions</c>.</summary>
internal static class SqliteSessionTable
{
    public const string Columns =
        "id, router_id, acct_session_id, voucher_code, user_name, mac, framed_ip, nas_ip, nas_identifier, class, " +
        "started_at, updated_at, stopped_at, session_seconds, input_bytes, output_bytes, terminate_cause, disconnect_state, " +
        "disconnect_error_cause, disconnect_attempts, disconnect_owner, disconnect_lease_until, version";

    private const string InsertSql =
        "INSERT INTO sessions (" + Columns + ") VALUES ($id, $router_id, $acct_session_id, $voucher_code, $user_name, " +
        "$mac, $framed_ip, $nas_ip, $nas_identifier, $class, $started_at, $updated_at, $stopped_at, $session_seconds, " +
        "$input_bytes, $output_bytes, $terminate_cause, $disconnect_state, $disconnect_error_cause, $disconnect_attempts, " +
        "$disconnect_owner, $disconnect_lease_until, $version)";

    private const string UpdateSql = """
        UPDATE sessions SET voucher_code = $voucher_code, user_name = $user_name, mac = $mac, framed_ip = $framed_ip,
            nas_ip = $nas_ip, nas_identifier = $nas_identifier, class = $class, started_at = $started_at,
            updated_at = $updated_at, stopped_at = $stopped_at, session_seconds = $session_seconds,
            input_bytes = $input_bytes, output_bytes = $output_bytes, terminate_cause = $terminate_cause,
            disconnect_state = $disconnect_state, disconnect_error_cause = $disconnect_error_cause,
            disconnect_attempts = $disconnect_attempts, disconnect_owner = $disconnect_owner,
            disconnect_lease_until = $disconnect_lease_until, version = $version
        WHERE id = $id AND version = $expected_version
        """;

    /// <summary>
    /// An Interim-Update changes only the counters and times; setting just those columns leaves the five indexes on
    /// voucher, router and stopped_at untouched (SQLite rewrites only indexes whose columns an UPDATE sets).
    /// </summary>
    private const string UpdateCountersSql = """
        UPDATE sessions SET started_at = $started_at, updated_at = $updated_at, session_seconds = $session_seconds,
            input_bytes = $input_bytes, output_bytes = $output_bytes, version = $version
        WHERE id = $id AND version = $expected_version
        """;

    public static AccountingSession Read(SqliteDataReader r) =>
        AccountingSession.Rehydrate(
            routerId: r.GetString(1),
            acctSessionId: r.GetString(2),
            voucherCode: r.NullableString(3),
            userName: r.GetString(4),
            mac: r.Mac(5),
            framedIpAddress: r.Ip(6),
            nasIpAddress: r.Ip(7),
            nasIdentifier: r.NullableString(8),
            sessionClass: r.NullableString(9),
            startedAt: r.Time(10),
            updatedAt: r.Time(11),
            stoppedAt: r.NullableTime(12),
            sessionSeconds: r.GetInt64(13),
            inputBytes: r.GetInt64(14),
            outputBytes: r.GetInt64(15),
            terminateCause: r.NullableString(16),
            disconnectState: r.Enum<DisconnectState>(17),
            disconnectErrorCause: r.IsDBNull(18) ? null : (uint)r.GetInt64(18),
            disconnectAttempts: r.GetInt32(19),
            disconnectOwner: r.NullableString(20),
            disconnectLeaseUntil: r.NullableTime(21),
            version: r.GetInt64(22));

    public static AccountingSession? Find(SqliteCommandCache db, string id) =>
        db.Command("SELECT " + Columns + " FROM sessions WHERE id = $id").Bind("$id", id).ReadSingle(Read);

    public static void Insert(SqliteCommandCache db, AccountingSession session) =>
        Bind(db.Command(InsertSql), session).ExecuteNonQuery();

    public static void Update(SqliteCommandCache db, AccountingSession session, long expectedVersion) =>
        Bind(db.Command(UpdateSql), session).Bind("$expected_version", expectedVersion).ExpectOneRow("session " + session.Id);

    /// <summary>Writes a session whose record changed only its counters and times (see <see cref="UpdateCountersSql"/>).</summary>
    public static void UpdateCounters(SqliteCommandCache db, AccountingSession s, long expectedVersion) =>
        db.Command(UpdateCountersSql)
            .Bind("$id", s.Id)
            .Bind("$started_at", SqliteValues.ToDb(s.StartedAt))
            .Bind("$updated_at", SqliteValues.ToDb(s.UpdatedAt))
            .Bind("$session_seconds", s.SessionSeconds)
            .Bind("$input_bytes", s.InputBytes)
            .Bind("$output_bytes", s.OutputBytes)
            .Bind("$version", s.Version)
            .Bind("$expected_version", expectedVersion)
            .ExpectOneRow("session " + s.Id);

    public static void Delete(SqliteCommandCache db, AccountingSession session) =>
        db.Command("DELETE FROM sessions WHERE id = $id AND version = $expected_version")
            .Bind("$id", session.Id).Bind("$expected_version", session.Version).ExpectOneRow("session " + session.Id);

    public static AccountingSession? Mutate(SqliteCommandCache db, string id, Action<AccountingSession> change) =>
        SqliteMutation.Apply(Find(db, id), s => s.Version, change, (s, expected) => Update(db, s, expected));

    private static SqliteCommand Bind(SqliteCommand command, AccountingSession s) =>
        command
            .Bind("$id", s.Id)
            .Bind("$router_id", s.RouterId)
            .Bind("$acct_session_id", s.AcctSessionId)
            .Bind("$voucher_code", s.VoucherCode)
            .Bind("$user_name", s.UserName)
            .Bind("$mac", s.Mac?.Value)
            .Bind("$framed_ip", s.FramedIpAddress?.ToString())
            .Bind("$nas_ip", s.NasIpAddress?.ToString())
            .Bind("$nas_identifier", s.NasIdentifier)
            .Bind("$class", s.Class)
            .Bind("$started_at", SqliteValues.ToDb(s.StartedAt))
            .Bind("$updated_at", SqliteValues.ToDb(s.UpdatedAt))
            .Bind("$stopped_at", SqliteValues.ToDb(s.StoppedAt))
            .Bind("$session_seconds", s.SessionSeconds)
            .Bind("$input_bytes", s.InputBytes)
            .Bind("$output_bytes", s.OutputBytes)
            .Bind("$terminate_cause", s.TerminateCause)
            .Bind("$disconnect_state", SqliteValues.ToDb(s.DisconnectState))
            .Bind("$disconnect_error_cause", s.DisconnectErrorCause is { } cause ? (long)cause : null)
            .Bind("$disconnect_attempts", s.DisconnectAttempts)
            .Bind("$disconnect_owner", s.DisconnectOwner)
            .Bind("$disconnect_lease_until", SqliteValues.ToDb(s.DisconnectLeaseUntil))
            .Bind("$version", s.Version);
}
