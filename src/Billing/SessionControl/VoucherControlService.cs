using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// What an operator does to vouchers and sessions in use: revoke (its sessions are disconnected at once), top up (its
/// sessions get the new Session-Timeout by CoA), disconnect one session. The store change is made and durable before
/// this returns; the router commands are queued (<see cref="SessionCommandQueue"/>) and their results recorded on the
/// sessions.
/// </summary>
public sealed class VoucherControlService(
    IVoucherStore vouchers,
    ISessionStore sessions,
    VoucherExpiryScheduler scheduler,
    SessionCommandQueue commands)
{
    /// <summary>Revokes the voucher and queues a Disconnect for each open session; null when the code is unknown.</summary>
    public async Task<Voucher?> RevokeAsync(string code, CancellationToken cancellationToken)
    {
        var voucher = await vouchers.RevokeAsync(code, cancellationToken).ConfigureAwait(false);
        if (voucher is null)
        {
            return null;
        }

        scheduler.Forget(voucher.Code.Value);
        foreach (var session in await sessions.ListOpenAsync(voucher.Code.Value, null, cancellationToken).ConfigureAwait(false))
        {
            commands.DisconnectSession(session.Id, DisconnectReason.Revoked);
        }

        return voucher;
    }

    /// <summary>
    /// Tops the voucher up and queues a CoA with the new Session-Timeout for each open session; null when the code is
    /// unknown. A revoked voucher throws <see cref="BillingConflictException"/>.
    /// </summary>
    public async Task<Voucher?> ExtendAsync(string code, TimeSpan extension, CancellationToken cancellationToken)
    {
        var voucher = await vouchers.ExtendAsync(code, extension, cancellationToken).ConfigureAwait(false);
        if (voucher is null)
        {
            return null;
        }

        scheduler.Watch(voucher);
        foreach (var session in await sessions.ListOpenAsync(voucher.Code.Value, null, cancellationToken).ConfigureAwait(false))
        {
            commands.UpdateSessionTimeout(session.Id);
        }

        return voucher;
    }

    /// <summary>
    /// Queues a Disconnect for one open session and returns it as it is now; null when unknown. A closed session
    /// throws <see cref="BillingConflictException"/>.
    /// </summary>
    public async Task<AccountingSession?> DisconnectSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return null;
        }

        if (!session.IsOpen)
        {
            throw new BillingConflictException($"Session {session.Id} is already closed.");
        }

        commands.DisconnectSession(session.Id, DisconnectReason.Admin);
        return session;
    }
}
