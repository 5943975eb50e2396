using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WifiBilling.Simulators.Daraja;

/// <summary>OAuth generate, STK push and STK query, answering as Daraja does (daraja.md §1, §2, §4, §8).</summary>
internal static class StkApiEndpoints
{
    private const string AcceptedDescription = "Success. Request accepted for processing";

    // Safaricom's own typo, kept because receivers meet it (daraja.md §4, paidtag sample).
    private const string QueryAcceptedDescription = "The service request has been accepted successsfully";

    public static Task<IResult> GenerateTokenAsync(HttpContext context) =>
        DarajaRequestGuard.ServeAsync(context, SimulatedOperation.Token, state =>
        {
            var request = context.Request;
            if (request.Query["grant_type"] != "client_credentials")
            {
                return Task.FromResult(DarajaWireResults.Error(StatusCodes.Status400BadRequest, "400.008.02", "Invalid grant type passed"));
            }

            if (!HasConsumerCredentials(request, state.Options))
            {
                return Task.FromResult(DarajaWireResults.Error(StatusCodes.Status400BadRequest, "400.008.01", "Invalid Authentication passed"));
            }

            var defaults = state.Outcomes.Defaults;
            var lifetime = state.Options.TokenLifetime;
            var token = state.Tokens.Issue(lifetime, state.Options.NewTokenInvalidatesPrevious);
            var seconds = (long)lifetime.TotalSeconds;
            object expiresIn = defaults.ExpiresInAsNumber ? seconds : seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(DarajaWireResults.Json(new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["expires_in"] = expiresIn,
            }));
        });

    public static Task<IResult> StkPushAsync(HttpContext context) =>
        DarajaRequestGuard.ServeStkJsonAsync(context, SimulatedOperation.StkPush, (state, body) =>
        {
            var now = state.TimeProvider.GetUtcNow();
            var (push, invalidField) = StkPushValidator.Validate(body, state.Options, now);
            if (push is null)
            {
                return DarajaWireResults.BadRequest(invalidField!);
            }

            var merchant = FindMerchant(state, push.BusinessShortCode);
            if (merchant is null)
            {
                return DarajaWireResults.Business1001("Merchant does not exist");
            }

            if (!PasswordMatches(push.Password, merchant, push.Timestamp))
            {
                return DarajaWireResults.Business1001("Wrong credentials");
            }

            if (state.HasPendingPush(push.PhoneNumber, now))
            {
                return LockedSubscriber();
            }

            var transaction = CreateTransaction(state, push, merchant, now);
            if (transaction is null)
            {
                return LockedSubscriber();
            }

            context.RequestServices.GetRequiredService<StkCallbackSender>().Schedule(transaction);
            return DarajaWireResults.Json(new Dictionary<string, string>
            {
                ["MerchantRequestID"] = transaction.MerchantRequestId,
                ["CheckoutRequestID"] = transaction.CheckoutRequestId,
                ["ResponseCode"] = "0",
                ["ResponseDescription"] = AcceptedDescription,
                ["CustomerMessage"] = AcceptedDescription,
            });
        });

    public static Task<IResult> StkQueryAsync(HttpContext context) =>
        DarajaRequestGuard.ServeStkJsonAsync(context, SimulatedOperation.StkQuery, (state, body) =>
        {
            var shortCode = SimulatorJson.NumberOrString(body, "BusinessShortCode");
            var timestamp = SimulatorJson.NumberOrString(body, "Timestamp");
            var checkoutRequestId = SimulatorJson.String(body, "CheckoutRequestID");
            if (!StkPushValidator.IsShortCode(shortCode))
            {
                return DarajaWireResults.BadRequest("BusinessShortCode");
            }

            if (timestamp is null || !SimulatorClock.TryParseKenyaTimestamp(timestamp, out _))
            {
                return DarajaWireResults.BadRequest("Timestamp");
            }

            if (string.IsNullOrWhiteSpace(checkoutRequestId))
            {
                return DarajaWireResults.BadRequest("CheckoutRequestID");
            }

            var merchant = FindMerchant(state, shortCode!);
            if (merchant is null)
            {
                return DarajaWireResults.Business1001("Merchant does not exist");
            }

            if (!PasswordMatches(SimulatorJson.String(body, "Password"), merchant, timestamp))
            {
                return DarajaWireResults.Business1001("Wrong credentials");
            }

            var defaults = state.Outcomes.Defaults;
            if (defaults.QueryFailureRate > 0 && RandomNumberGenerator.GetInt32(1_000_000) < defaults.QueryFailureRate * 1_000_000)
            {
                return DarajaWireResults.Error(StatusCodes.Status500InternalServerError, "500.003.1001", "Internal Server Error");
            }

            var transaction = state.FindTransaction(checkoutRequestId);
            if (transaction is null || transaction.ShortCode != shortCode)
            {
                return DarajaWireResults.Business1001("The transaction does not Exist");
            }

            var completed = transaction.IsCompleted(state.TimeProvider.GetUtcNow());
            if (!completed && transaction.PendingQuery == PendingQueryStyle.Http500)
            {
                // The classic answer, with the CheckoutRequestID as requestId (LNMOnlineAndroidSample #13).
                return DarajaWireResults.Business1001("The transaction is being processed", transaction.CheckoutRequestId);
            }

            return DarajaWireResults.Json(new Dictionary<string, string>
            {
                ["ResponseCode"] = "0",
                ["ResponseDescription"] = QueryAcceptedDescription,
                ["MerchantRequestID"] = transaction.MerchantRequestId,
                ["CheckoutRequestID"] = transaction.CheckoutRequestId,
                ["ResultCode"] = completed ? transaction.ResultCode : "4999",
                ["ResultDesc"] = completed ? transaction.ResultDesc : "The transaction is still under processing",
            });
        });

    internal static SimulatedMerchant? FindMerchant(DarajaSimulatorState state, string shortCode) =>
        state.Options.EffectiveMerchants.FirstOrDefault(m => m.ShortCode == shortCode);

    private static IResult LockedSubscriber() =>
        DarajaWireResults.Business1001("Unable to lock subscriber, a transaction is already in process for the current subscriber");

    private static bool HasConsumerCredentials(HttpRequest request, DarajaSimulatorOptions options)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            return decoded == $"{options.ConsumerKey}:{options.ConsumerSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Recomputes Base64(BusinessShortCode + PassKey + Timestamp) from the body's own values.</summary>
    private static bool PasswordMatches(string? password, SimulatedMerchant merchant, string timestamp)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(merchant.ShortCode + merchant.PassKey + timestamp));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(expected));
    }

    private static SimulatedStkTransaction? CreateTransaction(
        DarajaSimulatorState state, ValidatedStkPush push, SimulatedMerchant merchant, DateTimeOffset now)
    {
        var defaults = state.Outcomes.Defaults;
        var plan = state.Outcomes.Choose(push.PhoneNumber);

        // A PayBill push must name the shortcode as PartyB, a Buy Goods push one of its tills; mixing them up is the
        // classic cause of "SFC_IC0003 The operator does not exist" (osen-wc-mpesa #48, SmoDav/mpesa #50).
        var partyBWrong = push.TransactionType == "CustomerPayBillOnline"
            ? push.PartyB != merchant.ShortCode
            : merchant.TillNumbers.Count > 0 && !merchant.TillNumbers.Contains(push.PartyB);
        var resultCode = partyBWrong ? "SFC_IC0003" : plan.ResultCode;
        var completesAt = now + (plan.CallbackDelay ?? defaults.Plan.CallbackDelay ?? state.Options.CallbackDelay);
        var lateBy = plan.LateBy ?? defaults.Plan.LateBy ?? state.Options.LateCallbackDelay;
        var callbackTimes = plan.Callback switch
        {
            CallbackFault.Lost => [],
            CallbackFault.Duplicate => [completesAt, completesAt + state.Options.DuplicateCallbackGap],
            CallbackFault.Late => [completesAt + lateBy],
            _ => new[] { completesAt },
        };

        // ws_CO_ ids embed the time to the millisecond and the phone: nudge the millisecond on a clash.
        for (var nudge = 0; nudge < 1000; nudge++)
        {
            var transaction = new SimulatedStkTransaction
            {
                CheckoutRequestId = SimulatorClock.CheckoutRequestId(now.AddMilliseconds(nudge), push.PhoneNumber),
                MerchantRequestId = SimulatorClock.MerchantRequestId(),
                ShortCode = push.BusinessShortCode,
                TransactionType = push.TransactionType,
                PartyB = push.PartyB,
                PhoneNumber = push.PhoneNumber,
                Amount = push.Amount,
                AccountReference = push.AccountReference,
                CallbackUrl = push.CallBackUrl,
                CreatedAt = now,
                CompletesAt = completesAt,
                ResultCode = resultCode,
                ResultDesc = partyBWrong ? SimulatedResultCodes.Describe(resultCode) : plan.ResultDesc ?? SimulatedResultCodes.Describe(resultCode),
                ReceiptNumber = resultCode == "0" ? SimulatorClock.ReceiptNumber() : null,
                Callback = plan.Callback,
                PendingQuery = plan.PendingQuery ?? defaults.PendingQuery,
                CallbackTimes = callbackTimes,
            };

            switch (state.TryAccept(transaction, now))
            {
                case AcceptResult.Accepted:
                    return transaction;
                case AcceptResult.SubscriberLocked:
                    return null;
                default:
                    continue;
            }
        }

        throw new InvalidOperationException("Could not allocate a unique CheckoutRequestID.");
    }
}
