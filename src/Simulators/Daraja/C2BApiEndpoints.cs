using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WifiBilling.Simulators.Daraja;

/// <summary>C2B register URL (v1/v2) and simulate (daraja.md §5, §8.7).</summary>
internal static class C2BApiEndpoints
{
    public static Task<IResult> RegisterUrlAsync(HttpContext context, int apiVersion) =>
        DarajaRequestGuard.ServeC2BJsonAsync(context, SimulatedOperation.C2BRegisterUrl, (state, body) =>
        {
            var shortCode = SimulatorJson.NumberOrString(body, "ShortCode");
            var responseType = SimulatorJson.String(body, "ResponseType");
            var confirmationUrl = SimulatorJson.String(body, "ConfirmationURL");
            var validationUrl = SimulatorJson.String(body, "ValidationURL");
            var production = state.Options.Production;
            if (!StkPushValidator.IsShortCode(shortCode))
            {
                return DarajaWireResults.BadRequest("ShortCode");
            }

            // "must be in sentence case and well-spelled"
            if (responseType is not ("Completed" or "Cancelled"))
            {
                return DarajaWireResults.BadRequest("ResponseType");
            }

            if (!StkPushValidator.IsAcceptableCallbackUrl(confirmationUrl, production))
            {
                return DarajaWireResults.BadRequest("ConfirmationURL");
            }

            if (!string.IsNullOrEmpty(validationUrl) && !StkPushValidator.IsAcceptableCallbackUrl(validationUrl, production))
            {
                return DarajaWireResults.BadRequest("ValidationURL");
            }

            var registration = new C2BUrlRegistration(shortCode!, confirmationUrl!,
                string.IsNullOrEmpty(validationUrl) ? null : validationUrl, responseType, apiVersion);
            if (!state.Register(registration, onlyOnce: production))
            {
                return DarajaWireResults.Error(StatusCodes.Status500InternalServerError, "500.003.1001", "Urls are already registered.");
            }

            return DarajaWireResults.Json(new Dictionary<string, string>
            {
                // Daraja's real, misspelled key.
                ["OriginatorCoversationID"] = OriginatorConversationId(),
                ["ResponseCode"] = "0",
                ["ResponseDescription"] = apiVersion == 1 ? "success" : "Success",
            });
        });

    public static Task<IResult> SimulateAsync(HttpContext context) =>
        DarajaRequestGuard.ServeC2BJsonAsync(context, SimulatedOperation.C2BSimulate, (state, body) =>
        {
            if (state.Options.Production)
            {
                // "Simulation is not supported on production."
                return DarajaWireResults.Error(StatusCodes.Status404NotFound, "404.001.01", "Resource not found");
            }

            var shortCode = SimulatorJson.NumberOrString(body, "ShortCode");
            var commandId = SimulatorJson.String(body, "CommandID");
            var amountText = SimulatorJson.NumberOrString(body, "Amount");
            var msisdn = SimulatorJson.NumberOrString(body, "Msisdn");
            var billRef = SimulatorJson.NumberOrString(body, "BillRefNumber") ?? string.Empty;
            if (!StkPushValidator.IsShortCode(shortCode))
            {
                return DarajaWireResults.BadRequest("ShortCode");
            }

            if (commandId is not ("CustomerPayBillOnline" or "CustomerBuyGoodsOnline"))
            {
                return DarajaWireResults.BadRequest("CommandID");
            }

            if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1
                || amount > StkPushValidator.MaxAmount)
            {
                return DarajaWireResults.BadRequest("Amount");
            }

            if (!StkPushValidator.IsMsisdn(msisdn))
            {
                return DarajaWireResults.BadRequest("Msisdn");
            }

            if (billRef.Length > 20)
            {
                return DarajaWireResults.BadRequest("BillRefNumber");
            }

            var registration = state.FindRegistration(shortCode!);
            if (registration is null)
            {
                // Not documented by Safaricom; the simulator says plainly what is missing.
                return DarajaWireResults.Error(StatusCodes.Status500InternalServerError, "500.003.1001",
                    "No C2B URLs are registered for this short code.");
            }

            var transaction = new SimulatedC2BTransaction
            {
                TransId = SimulatorClock.ReceiptNumber(),
                ShortCode = shortCode!,
                CommandId = commandId,
                PhoneNumber = msisdn!,
                Amount = amount,
                BillRefNumber = commandId == "CustomerPayBillOnline" ? billRef : string.Empty,
                CreatedAt = state.TimeProvider.GetUtcNow(),
            };
            state.Add(transaction);
            context.RequestServices.GetRequiredService<C2BNotifier>().Start(transaction, registration);
            return DarajaWireResults.Json(new Dictionary<string, string>
            {
                ["OriginatorCoversationID"] = OriginatorConversationId(),
                ["ResponseCode"] = "0",
                ["ResponseDescription"] = "Accept the service request successfully.",
            });
        });

    private static string OriginatorConversationId() =>
        SimulatorClock.MerchantRequestId();
}
