using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace WifiBilling.Simulators.Daraja;

/// <summary>
/// Runs one simulated C2B payment: posts the validation (when a ValidationURL is registered) and waits up to
/// <see cref="DarajaSimulatorOptions.C2BValidationTimeout"/>; accepted, or unanswered with ResponseType Completed,
/// leads to the confirmation. Each notification is posted once.
/// </summary>
public sealed class C2BNotifier : IDisposable
{
    private readonly CallbackPoster _poster;
    private readonly DarajaSimulatorState _state;
    private readonly ILogger<C2BNotifier> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private long _balance = 100_000;

    internal C2BNotifier(CallbackPoster poster, DarajaSimulatorState state, ILogger<C2BNotifier> logger)
    {
        _poster = poster;
        _state = state;
        _logger = logger;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    internal void Start(SimulatedC2BTransaction transaction, C2BUrlRegistration registration) =>
        _ = RunAsync(transaction, registration, _stopping.Token);

    private async Task RunAsync(SimulatedC2BTransaction transaction, C2BUrlRegistration registration, CancellationToken stopping)
    {
        try
        {
            var thirdPartyTransId = string.Empty;
            if (!string.IsNullOrEmpty(registration.ValidationUrl))
            {
                var validation = C2BNotificationPayload.Build(transaction, registration.ApiVersion, string.Empty, string.Empty);
                var (delivery, reply) = await _poster.PostAsync(
                    registration.ValidationUrl, validation, transaction.ShortCode, _state.Options.C2BValidationTimeout, stopping);
                transaction.Validation = delivery;
                var (resultCode, echoed) = ReadValidationReply(delivery, reply);
                transaction.ValidationResultCode = resultCode;
                thirdPartyTransId = echoed;

                var accepted = resultCode is not null
                    ? resultCode == "0"
                    : registration.ResponseType == "Completed"; // no usable answer: the registered default applies
                if (!accepted)
                {
                    transaction.Status = resultCode is null ? C2BTransactionStatus.Cancelled : C2BTransactionStatus.Rejected;
                    return;
                }
            }

            var balance = Interlocked.Add(ref _balance, transaction.Amount);
            var confirmation = C2BNotificationPayload.Build(
                transaction, registration.ApiVersion, balance.ToString("0.00", CultureInfo.InvariantCulture), thirdPartyTransId);
            var (confirmationDelivery, _) = await _poster.PostAsync(
                registration.ConfirmationUrl, confirmation, transaction.ShortCode, _state.Options.CallbackTimeout, stopping);
            transaction.Confirmation = confirmationDelivery;
            transaction.Status = C2BTransactionStatus.Confirmed;
            _logger.LogInformation("Simulated C2B confirmation {TransId} answered {Status}",
                transaction.TransId, confirmationDelivery.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? confirmationDelivery.Error);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host stopping.
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException or ObjectDisposedException)
        {
            _logger.LogWarning(ex, "Simulated C2B payment {TransId} could not be notified", transaction.TransId);
        }
    }

    private static (string? ResultCode, string ThirdPartyTransId) ReadValidationReply(CallbackDelivery delivery, string? reply)
    {
        if (delivery.StatusCode is not (>= 200 and < 300) || string.IsNullOrWhiteSpace(reply))
        {
            return (null, string.Empty);
        }

        try
        {
            using var document = JsonDocument.Parse(reply);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, string.Empty);
            }

            var code = SimulatorJson.NumberOrString(root, "ResultCode");
            return (code, SimulatorJson.NumberOrString(root, "ThirdPartyTransID") ?? string.Empty);
        }
        catch (JsonException)
        {
            return (null, string.Empty);
        }
    }
}
