using System.Text.Json;
using Microsoft.Extensions.Options;
using Prometheus;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Sessions;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Gauges counted in the store just before a scrape: <c>wifibilling_payments{status}</c> (pending, paid, failed,
/// cancelled, timed-out) and <c>wifibilling_sessions_active</c>. Counting the store rather than events in this process
/// keeps them right across restarts and when several instances share one MongoDB.
/// </summary>
public sealed class BillingStoreGauges : IDisposable
{
    private static readonly Gauge Payments = Metrics.CreateGauge(
        "wifibilling_payments", "Payments in the store, by status (pending, paid, failed, cancelled, timed-out)", "status");

    private static readonly Gauge ActiveSessions = Metrics.CreateGauge(
        "wifibilling_sessions_active", "Accounting sessions still open (no Accounting-Stop yet)");

    private static readonly PaymentStatus[] Statuses = Enum.GetValues<PaymentStatus>();

    private readonly IPaymentStore _payments;
    private readonly ISessionStore _sessions;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshInterval;
    private readonly ILogger<BillingStoreGauges> _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private DateTimeOffset? _countedAt;

    public BillingStoreGauges(
        IPaymentStore payments,
        ISessionStore sessions,
        TimeProvider time,
        IOptions<PortalMetricsOptions> options,
        ILogger<BillingStoreGauges> logger)
    {
        _payments = payments;
        _sessions = sessions;
        _time = time;
        _refreshInterval = options.Value.StoreRefreshInterval;
        _logger = logger;
    }

    /// <summary>Recounts when the last count is older than the refresh interval; called before each scrape.</summary>
    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        if (!IsStale())
        {
            return;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (!IsStale())
            {
                return;
            }

            foreach (var status in Statuses)
            {
                var count = (await _payments.ListAsync(new PaymentQuery(Status: status, Limit: 1), cancellationToken)).Total;
                Payments.WithLabels(StatusName(status)).Set(count);
            }

            ActiveSessions.Set((await _sessions.ListOpenAsync(null, null, cancellationToken)).Count);
            _countedAt = _time.GetUtcNow();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A scrape must still answer (RADIUS series matter most when the store is in trouble); keep the last counts.
            _logger.LogWarning(e, "Could not count payments and sessions for /metrics");
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    private bool IsStale() => _countedAt is not { } last || _time.GetUtcNow() - last >= _refreshInterval;

    /// <summary>The API's spelling (timed-out), so dashboards and the admin console use the same words.</summary>
    private static string StatusName(PaymentStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
