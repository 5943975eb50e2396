using System.Threading.Channels;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Where RADIUS handlers, the expiry scheduler and admin endpoints drop Disconnect/CoA work. Queuing never waits, so
/// an Accounting-Response or an HTTP answer is not held up by a router that takes seconds to answer (or never does);
/// <see cref="SessionCommandWorker"/> sends them, a bounded number at a time.
/// </summary>
public sealed class SessionCommandQueue
{
    private readonly Channel<SessionCommand> _commands = Channel.CreateUnbounded<SessionCommand>(new UnboundedChannelOptions { SingleReader = true });
    private long _queued;

    public ChannelReader<SessionCommand> Reader => _commands.Reader;

    /// <summary>Commands queued since start (tests wait on the worker's count reaching it).</summary>
    public long Queued => Interlocked.Read(ref _queued);

    public void DisconnectSession(string sessionId, DisconnectReason reason) =>
        Enqueue(new SessionCommand(SessionCommandKind.DisconnectSession, sessionId, reason));

    public void DisconnectVoucher(string voucherCode, DisconnectReason reason) =>
        Enqueue(new SessionCommand(SessionCommandKind.DisconnectVoucher, voucherCode, reason));

    public void UpdateSessionTimeout(string sessionId) =>
        Enqueue(new SessionCommand(SessionCommandKind.UpdateSessionTimeout, sessionId, DisconnectReason.TopUpRefused));

    private void Enqueue(SessionCommand command)
    {
        ArgumentException.ThrowIfNullOrEmpty(command.Target);
        Interlocked.Increment(ref _queued);
        _commands.Writer.TryWrite(command);
    }
}
