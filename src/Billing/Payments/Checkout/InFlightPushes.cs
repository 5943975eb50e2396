using System.Collections.Concurrent;

namespace WifiBilling.Billing.Payments.Checkout;

/// <summary>
/// STK pushes this process has sent and not yet finished recording. A callback can reach us before the push answer
/// that tells us its CheckoutRequestID (Daraja posts it as soon as the customer acts); such a callback waits for the
/// pushes in flight instead of being treated as unknown.
/// </summary>
public sealed class InFlightPushes
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _pushes = new(StringComparer.Ordinal);

    public int Count => _pushes.Count;

    /// <summary>Marks a push as in flight until the returned handle is disposed (after its CheckoutRequestID is stored).</summary>
    public IDisposable Begin(string paymentId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pushes[paymentId] = done;
        return new Completion(this, paymentId, done);
    }

    /// <summary>
    /// Waits (real time: this is a network wait) until every push in flight now has finished, or <paramref name="limit"/>
    /// passed. False when nothing was in flight.
    /// </summary>
    public async Task<bool> WaitForCurrentAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var current = _pushes.Values.Select(p => p.Task).ToArray();
        if (current.Length == 0)
        {
            return false;
        }

        try
        {
            await Task.WhenAll(current).WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Some push is still waiting for Daraja; the caller goes on with what is stored.
        }

        return true;
    }

    private sealed class Completion(InFlightPushes owner, string paymentId, TaskCompletionSource done) : IDisposable
    {
        public void Dispose()
        {
            owner._pushes.TryRemove(new KeyValuePair<string, TaskCompletionSource>(paymentId, done));
            done.TrySetResult();
        }
    }
}
