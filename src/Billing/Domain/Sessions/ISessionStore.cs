namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>
/// Accounting sessions. The upsert and the voucher usage it causes are one atomic unit, so a retransmitted or
/// reordered Accounting-Request never charges a voucher twice; when a write returns it is durable, and only then
/// may the Accounting-Response go out.
/// </summary>
public interface ISessionStore
{
    /// <summary>
    /// Start / Interim-Update / Stop, keyed by router + Acct-Session-Id: creates the session if new (a Stop without a
    /// Start creates it closed), moves counters forward only, and adds the growth to the voucher's usage.
    /// </summary>
    Task<AccountingResult> RecordAccountingAsync(AccountingRecord record, CancellationToken cancellationToken);

    Task<AccountingSession?> FindAsync(string sessionId, CancellationToken cancellationToken);

    Task<AccountingSession?> FindByAcctSessionIdAsync(string routerId, string acctSessionId, CancellationToken cancellationToken);

    /// <summary>Open sessions, all or only those of a voucher and/or router.</summary>
    Task<IReadOnlyList<AccountingSession>> ListOpenAsync(string? voucherCode, string? routerId, CancellationToken cancellationToken);

    /// <summary>
    /// Closed sessions, most recently closed first, at most <paramref name="limit"/>; all or only those of a voucher
    /// and/or router. Archived sessions of a reused Acct-Session-Id are among them.
    /// </summary>
    Task<IReadOnlyList<AccountingSession>> ListClosedAsync(string? voucherCode, string? routerId, int limit, CancellationToken cancellationToken);

    /// <summary>Closes every open session of a router (Accounting-On/Off, reboot seen in Acct-Session-Id); returns them.</summary>
    Task<IReadOnlyList<AccountingSession>> CloseRouterSessionsAsync(string routerId, string terminateCause, CancellationToken cancellationToken);

    /// <summary>Closes up to <paramref name="max"/> open sessions with no update since <paramref name="updatedBefore"/>.</summary>
    Task<IReadOnlyList<AccountingSession>> CloseStaleAsync(
        DateTimeOffset updatedBefore,
        string terminateCause,
        int max,
        CancellationToken cancellationToken);

    /// <summary>Closes one session; returns it (already closed ones unchanged), null when unknown.</summary>
    Task<AccountingSession?> CloseAsync(string sessionId, string terminateCause, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the Disconnect-Request of a session for <paramref name="owner"/> until now + <paramref name="lease"/>.
    /// Null when another instance holds it, it is done, or the session is closed or unknown.
    /// </summary>
    Task<AccountingSession?> ClaimDisconnectAsync(string sessionId, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records ACK / NAK (+ Error-Cause) / timeout; null when <paramref name="owner"/> does not hold the claim.</summary>
    Task<AccountingSession?> RecordDisconnectAsync(
        string sessionId,
        string owner,
        DisconnectOutcome outcome,
        CancellationToken cancellationToken);
}
