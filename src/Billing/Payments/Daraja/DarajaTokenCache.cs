using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// The process-wide OAuth token. Fetching a token invalidates the previous one (daraja.md §1, [OFF-AUTH] FAQ), so
/// fetches are single-flight: however many callers find the token missing or stale, one fetch runs at a time and
/// the others take its result.
/// </summary>
public sealed class DarajaTokenCache(TimeProvider timeProvider, IOptions<DarajaOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private DarajaAccessToken? _current;

    /// <summary>The cached token, or null when there is none that is still fresh.</summary>
    public DarajaAccessToken? Current
    {
        get
        {
            var token = Volatile.Read(ref _current);
            return token is not null && timeProvider.GetUtcNow() < token.RefreshAt(options.Value.TokenRefreshMargin) ? token : null;
        }
    }

    /// <summary>Returns the fresh cached token, or runs <paramref name="fetch"/> (one caller at a time) to get one.</summary>
    public async Task<DarajaAccessToken> GetOrFetchAsync(
        Func<CancellationToken, Task<DarajaAccessToken>> fetch, CancellationToken cancellationToken)
    {
        if (Current is { } cached)
        {
            return cached;
        }

        await _fetchGate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us may have fetched already.
            if (Current is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var fresh = await fetch(cancellationToken);
            Volatile.Write(ref _current, fresh);
            return fresh;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    /// <summary>
    /// Forgets <paramref name="rejected"/> after Daraja refused it (404.001.03). Only that exact token is dropped, so
    /// many callers reporting the same refusal cause one new fetch, not one each.
    /// </summary>
    public void Invalidate(DarajaAccessToken rejected) => Interlocked.CompareExchange(ref _current, null, rejected);

    public void Dispose() => _fetchGate.Dispose();
}
