using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Diagnostics;

namespace WifiBilling.Billing.Payments.Reconciliation;

/// <summary>
/// Settles payments that got no callback (lost callbacks are normal, daraja.md §6). Every poll interval (on the
/// injected <see cref="TimeProvider"/>) it:
/// <list type="bullet">
/// <item>claims due payments (leases: several instances never query the same one) and asks STK Query: a final answer
/// is applied (paid → voucher); "still processing" (500.001.1001 / 4999) is never a failure, only a reason to ask
/// again with backoff; past the give-up time a pending payment becomes TimedOut, with a few late queries planned,
/// because a late success still buys internet;</item>
/// <item>times out pushes whose CheckoutRequestID we never learnt (their callback can still match them);</item>
/// <item>now and then mints vouchers for paid payments that have none (minting failed after the callback was acknowledged).</item>
/// </list>
/// </summary>
public sealed class PaymentReconciler(
    IPaymentStore payments,
    IServiceProvider services,
    PaymentVoucherMinter minter,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    PaymentMetrics metrics,
    ILogger<PaymentReconciler> logger) : BackgroundService
{
    private const int SweepPageSize = 100;
    private const int MaxSweepPages = 5;
    private const string GaveUpDescription = "No final answer from M-Pesa in time";

    private DateTimeOffset _nextMintSweep = DateTimeOffset.MinValue;

    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    private ReconcilerOptions Settings => options.Value.Reconciler;

    /// <summary>One round of work (what each timer tick runs); public so tests and tools can drive it directly.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await SettleDueAsync(cancellationToken).ConfigureAwait(false);
        await TimeOutUnansweredPushesAsync(cancellationToken).ConfigureAwait(false);
        if (time.GetUtcNow() >= _nextMintSweep)
        {
            _nextMintSweep = time.GetUtcNow() + Settings.MintSweepInterval;
            await MintMissingVouchersAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled)
        {
            logger.LogWarning("The payment reconciler is disabled (Payments:Reconciler:Enabled=false): payments whose callback is lost stay pending");
            return;
        }

        logger.LogInformation("Payment reconciler {Owner} started: polling every {PollInterval}, first STK Query {FirstQueryDelay} after a push, giving up after {GiveUpAfter}",
            Owner, Settings.PollInterval, Settings.FirstQueryDelay, Settings.GiveUpAfter);
        using var timer = new PeriodicTimer(Settings.PollInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Payment reconciler round failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task SettleDueAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        var claimed = await payments.ClaimDueForQueryAsync(Owner, settings.BatchSize, settings.Lease, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return;
        }

        // The typed Daraja client is transient (its HttpClient comes from the factory): take a fresh one per round.
        var daraja = services.GetRequiredService<IDarajaClient>();
        await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelQueries, CancellationToken = cancellationToken },
                (payment, ct) => new ValueTask(SettleOneAsync(payment, daraja, ct)))
            .ConfigureAwait(false);
    }

    private async Task SettleOneAsync(Payment payment, IDarajaClient daraja, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PaymentId"] = payment.MaskedId });
        try
        {
            if (payment.CheckoutRequestId is { } checkoutRequestId
                && await QueryAsync(payment, checkoutRequestId, daraja, cancellationToken).ConfigureAwait(false) is { } completed)
            {
                await ApplyAsync(payment, completed, cancellationToken).ConfigureAwait(false);
                return;
            }

            await RescheduleAsync(payment, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease runs out and another round (here or elsewhere) tries again.
            logger.LogError(ex, "Settling payment {PaymentId} failed", payment.MaskedId);
        }
    }

    /// <summary>The final answer, or null when Daraja has none yet (still processing, unknown id, error).</summary>
    private async Task<StkQueryCompleted?> QueryAsync(Payment payment, string checkoutRequestId, IDarajaClient daraja, CancellationToken cancellationToken)
    {
        try
        {
            switch (await daraja.QueryStkAsync(checkoutRequestId, cancellationToken).ConfigureAwait(false))
            {
                case StkQueryCompleted completed when completed.Result.Outcome != StkPaymentOutcome.Pending:
                    metrics.Query("completed");
                    return completed;
                case StkQueryTransactionNotFound notFound:
                    // Not proof that no money moved right after a push (daraja.md §4): ask again until the give-up time.
                    metrics.Query("not-found");
                    logger.LogInformation("STK Query does not know {CheckoutRequestId} of payment {PaymentId} yet: {Message}",
                        checkoutRequestId, payment.MaskedId, notFound.DarajaMessage);
                    return null;
                default:
                    metrics.Query("still-processing");
                    return null;
            }
        }
        catch (DarajaException ex)
        {
            metrics.Query("error");
            logger.LogWarning("STK Query for {CheckoutRequestId} of payment {PaymentId} failed ({Kind} {ErrorCode}); asking again later",
                checkoutRequestId, payment.MaskedId, ex.Kind, ex.ErrorCode);
            return null;
        }
    }

    private async Task ApplyAsync(Payment payment, StkQueryCompleted completed, CancellationToken cancellationToken)
    {
        var info = completed.Result;
        var outcome = info.Outcome switch
        {
            // A query carries no receipt or amount: the payment is paid with its own amount; a later callback adds the receipt.
            StkPaymentOutcome.Paid => PaymentOutcome.Paid(completed.ResultCode.Value, completed.ResultDesc, null, null),
            StkPaymentOutcome.Cancelled => PaymentOutcome.Unpaid(PaymentStatus.Cancelled, completed.ResultCode.Value, completed.ResultDesc),
            StkPaymentOutcome.TimedOut => PaymentOutcome.Unpaid(PaymentStatus.TimedOut, completed.ResultCode.Value, completed.ResultDesc),
            _ => PaymentOutcome.Unpaid(PaymentStatus.Failed, completed.ResultCode.Value, completed.ResultDesc),
        };
        var raw = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["CheckoutRequestID"] = completed.CheckoutRequestId,
            ["ResultCode"] = completed.ResultCode.Value,
            ["ResultDesc"] = completed.ResultDesc,
        });
        var result = await payments.ApplyQueryOutcomeAsync(payment.Id, outcome, raw, cancellationToken).ConfigureAwait(false);
        if (result.Disposition == OutcomeDisposition.Applied)
        {
            metrics.StatusChanged(outcome.Status);
            logger.LogInformation("Payment {PaymentId} is {Status} by STK Query (ResultCode {ResultCode})",
                payment.MaskedId, outcome.Status, completed.ResultCode.Value);
        }
        else if (result.Payment is { NextQueryAt: not null } unchanged)
        {
            // The answer changed nothing (e.g. "1037" again for a timed-out payment): it is final, stop asking.
            await payments.RescheduleQueryAsync(unchanged.Id, Owner, null, cancellationToken).ConfigureAwait(false);
        }

        if (result.Payment is { Status: PaymentStatus.Paid } paid)
        {
            await minter.TryMintAsync(paid, "reconciler", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RescheduleAsync(Payment payment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = Settings;
        if (payment.Status == PaymentStatus.Pending && now >= QuerySchedule.GiveUpAt(payment.CreatedAt, settings))
        {
            await TimeOutAsync(payment, QuerySchedule.NextLate(now, payment.CreatedAt, settings), cancellationToken).ConfigureAwait(false);
            return;
        }

        var next = payment.Status == PaymentStatus.Pending
            ? QuerySchedule.NextWhilePending(now, payment.CreatedAt, payment.QueryAttempts, settings)
            : QuerySchedule.NextLate(now, payment.CreatedAt, settings);
        await payments.RescheduleQueryAsync(payment.Id, Owner, next, cancellationToken).ConfigureAwait(false);
    }

    private async Task TimeOutAsync(Payment payment, DateTimeOffset? lateQueryAt, CancellationToken cancellationToken)
    {
        var timedOut = await payments.MarkTimedOutAsync(payment.Id, GaveUpDescription, lateQueryAt, cancellationToken).ConfigureAwait(false);
        if (timedOut is { Status: PaymentStatus.TimedOut } && timedOut.Version != payment.Version)
        {
            metrics.StatusChanged(PaymentStatus.TimedOut);
            logger.LogInformation("Payment {PaymentId} timed out; late STK Query planned at {LateQueryAt}", payment.MaskedId, lateQueryAt);
        }
    }

    /// <summary>Pending payments past the give-up time that no query can settle (no CheckoutRequestID or no planned query).</summary>
    private async Task TimeOutUnansweredPushesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = Settings;
        for (var page = 0; page < MaxSweepPages; page++)
        {
            var stale = await payments.ListAsync(
                    new PaymentQuery(PaymentStatus.Pending, CreatedTo: now - settings.GiveUpAfter, Offset: page * SweepPageSize, Limit: SweepPageSize),
                    cancellationToken)
                .ConfigureAwait(false);
            foreach (var payment in stale.Items.Where(p => p.CheckoutRequestId is null || p.NextQueryAt is null))
            {
                var lateQuery = payment.CheckoutRequestId is null ? null : QuerySchedule.NextLate(now, payment.CreatedAt, settings);
                await TimeOutAsync(payment, lateQuery, cancellationToken).ConfigureAwait(false);
            }

            if (stale.Items.Count < SweepPageSize)
            {
                return;
            }
        }
    }

    private async Task MintMissingVouchersAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - Settings.MintSweepWindow;
        for (var offset = 0; ; offset += PageRequest.MaxLimit)
        {
            var paid = await payments.ListAsync(
                    new PaymentQuery(PaymentStatus.Paid, CreatedFrom: since, Offset: offset, Limit: PageRequest.MaxLimit), cancellationToken)
                .ConfigureAwait(false);
            foreach (var payment in paid.Items.Where(p => p.VoucherCode is null))
            {
                await minter.TryMintAsync(payment, "reconciler", cancellationToken).ConfigureAwait(false);
            }

            if (paid.Items.Count < PageRequest.MaxLimit)
            {
                return;
            }
        }
    }
}
