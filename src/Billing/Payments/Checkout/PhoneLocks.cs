namespace WifiBilling.Billing.Payments.Checkout;

/// <summary>
/// Serialises "is a push already open for this phone? no → store a new one" per phone within this process, so a
/// double tap on Pay cannot slip two pushes past the one-open-push rule. 64 striped locks bound the memory; across
/// instances Daraja's own subscriber lock (500.001.1001 "Unable to lock subscriber") is the backstop.
/// </summary>
public sealed class PhoneLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string phone, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(StringComparer.Ordinal.GetHashCode(phone) & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
