using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Payments.C2B;

/// <summary>
/// Registers our C2B confirmation (and optionally validation) URLs with Daraja once the server is listening, when
/// <c>Payments:C2B:RegisterUrlsOnStart</c> is set. A failure is logged, never fatal (production allows one
/// registration: a second answers "Urls are already registered").
/// </summary>
public sealed class C2BUrlRegistrar(
    IServiceProvider services,
    PaymentCallbackUrls urls,
    IOptions<PaymentsOptions> options,
    ILogger<C2BUrlRegistrar> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.C2B;
        if (!settings.RegisterUrlsOnStart)
        {
            return;
        }

        // In demo mode the URLs are the Portal's own address, known once the server has started.
        if (services.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            {
                await started.Task.ConfigureAwait(false);
            }
        }

        try
        {
            var daraja = services.GetRequiredService<IDarajaClient>();
            var registration = await daraja.RegisterC2BUrlsAsync(
                urls.C2BConfirmation, settings.RegisterValidationUrl ? urls.C2BValidation : null, settings.ResponseType, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("C2B URLs registered with Daraja: {ResponseCode} {ResponseDescription}",
                registration.ResponseCode, registration.ResponseDescription);
        }
        catch (DarajaException ex)
        {
            logger.LogWarning("Registering the C2B URLs with Daraja failed: {Kind} {ErrorCode} {Message}", ex.Kind, ex.ErrorCode, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            logger.LogWarning(ex, "The C2B URLs were not registered");
        }
    }
}
