using Microsoft.Extensions.Logging;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// Delivers STK callbacks at the times their transaction planned (on the injected <see cref="TimeProvider"/>, so
/// tests can move the clock). Timers are armed before the push is answered; each copy is posted once, never retried.
/// </summary>
public sealed class StkCallbackSender : IDisposable
{
    private readonly CallbackPoster _poster;
    private readonly DarajaSimulatorState _state;
    private readonly ILogger<StkCallbackSender> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _pending;

    internal StkCallbackSender(CallbackPoster poster, DarajaSimulatorState state, ILogger<StkCallbackSender> logger)
    {
        _poster = poster;
        _state = state;
        _logger = logger;
    }

    /// <summary>Callbacks scheduled but not yet posted (or still being posted).</summary>
    public int PendingCallbacks => Volatile.Read(ref _pending);

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    internal void Schedule(SimulatedStkTransaction transaction)
    {
        foreach (var at in transaction.CallbackTimes)
        {
            Interlocked.Increment(ref _pending);
            _ = DeliverAtAsync(transaction, at, _stopping.Token);
        }
    }

    private async Task DeliverAtAsync(SimulatedStkTransaction transaction, DateTimeOffset at, CancellationToken stopping)
    {
        try
        {
            var wait = at - _state.TimeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _state.TimeProvider, stopping);
            }

            var json = StkCallbackPayload.Build(transaction);
            var (delivery, _) = await _poster.PostAsync(
                transaction.CallbackUrl, json, transaction.ShortCode, _state.Options.CallbackTimeout, stopping);
            transaction.RecordDelivery(delivery);
            _state.CountCallbackSent();
            _logger.LogInformation("Simulated STK callback for {CheckoutRequestId} (ResultCode {ResultCode}) answered {Status}",
                transaction.CheckoutRequestId, transaction.ResultCode, delivery.StatusCode?.ToString() ?? delivery.Error);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping; undelivered callbacks are simply lost, as they can be with Daraja.
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or ObjectDisposedException)
        {
            transaction.RecordDelivery(new CallbackDelivery(_state.TimeProvider.GetUtcNow(), null, ex.Message));
            _logger.LogWarning(ex, "Simulated STK callback for {CheckoutRequestId} could not be posted", transaction.CheckoutRequestId);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
