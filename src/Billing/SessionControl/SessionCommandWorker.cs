using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Hotspot;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Runs queued session commands, at most <see cref="HotspotOptions.MaxConcurrentCoa"/> at a time (one slow router does
/// not hold up the others), and the Disconnect retries as they fall due.
/// </summary>
public sealed partial class SessionCommandWorker(
    SessionCommandQueue queue,
    SessionDisconnector disconnector,
    SessionTimeoutUpdater timeouts,
    ISessionStore sessions,
    IOptions<HotspotOptions> options,
    TimeProvider time,
    ILogger<SessionCommandWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentCoa, options.Value.MaxConcurrentCoa);
    private long _completed;

    /// <summary>Commands finished (successfully or not) since start.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            RunCommandsAsync(stoppingToken),
            disconnector.RunRetriesAsync((sessionId, reason) => RunAsync(new SessionCommand(SessionCommandKind.DisconnectSession, sessionId, reason), stoppingToken), stoppingToken));

    private async Task RunCommandsAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var command in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunInSlotAsync(command, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is lost, and the expiry scheduler rebuilds from the store at the next start.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunInSlotAsync(SessionCommand command, CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(command, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RunAsync(SessionCommand command, CancellationToken stoppingToken)
    {
        try
        {
            switch (command.Kind)
            {
                case SessionCommandKind.DisconnectSession:
                    await disconnector.DisconnectAsync(command.Target, command.Reason, stoppingToken).ConfigureAwait(false);
                    break;
                case SessionCommandKind.DisconnectVoucher:
                    // Queued by accounting (a data cap used up) on every interim: only start what is not under way.
                    var now = time.GetUtcNow();
                    var open = (await sessions.ListOpenAsync(command.Target, null, stoppingToken).ConfigureAwait(false))
                        .Where(s => disconnector.ShouldStart(s, now))
                        .ToList();
                    if (open.Count > 0)
                    {
                        LogDisconnectingVoucher(logger, VoucherCode.Mask(command.Target), open.Count, DisconnectReasons.Name(command.Reason));
                    }

                    foreach (var session in open)
                    {
                        await disconnector.DisconnectAsync(session.Id, command.Reason, stoppingToken).ConfigureAwait(false);
                    }

                    break;
                case SessionCommandKind.UpdateSessionTimeout:
                    await timeouts.UpdateAsync(command.Target, stoppingToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            LogCommandFailed(logger, ex, command.Kind, command.Kind == SessionCommandKind.DisconnectVoucher ? VoucherCode.Mask(command.Target) : command.Target);
        }
        finally
        {
            Interlocked.Increment(ref _completed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher {Voucher}: disconnecting {Count} open sessions ({Reason})")]
    private static partial void LogDisconnectingVoucher(ILogger logger, string voucher, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session command {Kind} for {Target} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, SessionCommandKind kind, string target);
}
