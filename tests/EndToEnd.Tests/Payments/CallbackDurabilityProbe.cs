using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Payments.Daraja.Callbacks;

namespace WifiBilling.EndToEnd.Tests.Payments;

/// <summary>
/// Sits in front of the Portal's pipeline. For every STK callback it checks, at the moment the 200 is about to be
/// sent (<c>Response.OnStarting</c>), that what the callback says is already committed: its raw body in the payment's
/// audit trail, or — for money no payment could take — a kept record by receipt. It reads through the store's own
/// reader connections, which only see committed (WAL-synced) data. It also counts requests in flight (callbacks,
/// simulator calls, pays) so the test knows when the system is quiet.
/// </summary>
public sealed class CallbackDurabilityProbe : IStartupFilter
{
    private int _inFlight;
    private int _acknowledged;
    private int _acknowledgedWithoutRecord;

    public ConcurrentQueue<string> Violations { get; } = new();

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Failures for CheckoutRequestIDs no payment has: nothing moved, nothing to keep.</summary>
    public int AcknowledgedWithoutRecord => Volatile.Read(ref _acknowledgedWithoutRecord);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/payments/callback"))
                {
                    context.Request.EnableBuffering();
                    using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                    var body = await reader.ReadToEndAsync(context.RequestAborted);
                    context.Request.Body.Position = 0;
                    var payments = context.RequestServices.GetRequiredService<IPaymentStore>();
                    context.Response.OnStarting(() => CheckDurableAsync(context, payments, body));
                }

                await nextMiddleware(context);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        next(app);
    };

    private async Task CheckDurableAsync(HttpContext context, IPaymentStore payments, string body)
    {
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            return;
        }

        Interlocked.Increment(ref _acknowledged);
        var callback = StkCallbackParser.Parse(body).Value!;
        var payment = await payments.FindByCheckoutRequestIdAsync(callback.CheckoutRequestId, CancellationToken.None);
        if (payment is not null)
        {
            var kept = await payments.ListRawPayloadsAsync(payment.Id, CancellationToken.None);
            if (!kept.Contains(body))
            {
                Violations.Enqueue($"{callback.CheckoutRequestId}: acknowledged before its body was in the payment's record");
            }
        }
        else if (callback.IsSuccess)
        {
            if (await payments.FindC2BAsync(callback.MpesaReceiptNumber!, CancellationToken.None) is null)
            {
                Violations.Enqueue($"{callback.CheckoutRequestId}: money acknowledged before it was kept anywhere");
            }
        }
        else
        {
            Interlocked.Increment(ref _acknowledgedWithoutRecord);
        }
    }
}
