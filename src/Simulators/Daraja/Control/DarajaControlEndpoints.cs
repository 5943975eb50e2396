using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WifiBilling.Simulators.Daraja.Control;

/// <summary>
/// The simulator's own control API under <c>{prefix}/simulator</c> (documented in docs/daraja-simulator.md): pick
/// outcomes, inject faults, expire tokens, and read every transaction's truth. Not part of Daraja.
/// </summary>
internal static class DarajaControlEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapGet("/", Info);
        control.MapGet("/stats", (DarajaSimulatorState state, StkCallbackSender sender) => Json(Stats(state, sender)));
        control.MapGet("/transactions", (DarajaSimulatorState state) =>
        {
            var now = state.TimeProvider.GetUtcNow();
            return Json(state.Transactions.Select(t => StkTransactionView.From(t, now)).ToList());
        });
        control.MapGet("/transactions/{checkoutRequestId}", (string checkoutRequestId, DarajaSimulatorState state) =>
            state.FindTransaction(checkoutRequestId) is { } transaction
                ? Json(StkTransactionView.From(transaction, state.TimeProvider.GetUtcNow()))
                : Results.Problem($"No transaction {checkoutRequestId}.", statusCode: StatusCodes.Status404NotFound));
        control.MapGet("/c2b/transactions", (DarajaSimulatorState state) =>
            Json(state.C2BTransactions.Select(C2BTransactionView.From).ToList()));
        control.MapPost("/outcomes", AddOutcomeAsync);
        control.MapDelete("/outcomes", (DarajaSimulatorState state) =>
        {
            state.Outcomes.Clear();
            return Results.NoContent();
        });
        control.MapGet("/defaults", (DarajaSimulatorState state) => Json(DefaultsView(state.Outcomes.Defaults)));
        control.MapPut("/defaults", SetDefaultsAsync);
        control.MapPost("/faults", AddFaultAsync);
        control.MapDelete("/faults", (DarajaSimulatorState state) =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });
        control.MapPost("/tokens/expire", (DarajaSimulatorState state) =>
        {
            state.Tokens.InvalidateAll();
            return Results.NoContent();
        });
        control.MapPost("/reset", (DarajaSimulatorState state) =>
        {
            state.Reset();
            return Results.NoContent();
        });
    }

    private static IResult Info(DarajaSimulatorState state) => Json(new
    {
        simulated = true,
        consumerKey = state.Options.ConsumerKey,
        consumerSecret = state.Options.ConsumerSecret,
        merchants = state.Options.EffectiveMerchants.Select(m => new { m.ShortCode, m.PassKey, m.TillNumbers }),
        production = state.Options.Production,
        magicPhoneNumbers = new
        {
            pattern = "2547000FCCCC: CCCC = ResultCode (0000 paid), F = callback (0 normal, 1 lost, 2 duplicate, 3 late)",
            paid = MagicPhoneNumbers.For(0),
            cancelled = MagicPhoneNumbers.For(1032),
            insufficientFunds = MagicPhoneNumbers.For(1),
            unreachable = MagicPhoneNumbers.For(1037),
            wrongPin = MagicPhoneNumbers.For(2001),
            expired = MagicPhoneNumbers.For(1019),
            paidCallbackLost = MagicPhoneNumbers.For(0, CallbackFault.Lost),
        },
        defaults = DefaultsView(state.Outcomes.Defaults),
    });

    private static async Task<IResult> AddOutcomeAsync(HttpRequest request, DarajaSimulatorState state)
    {
        var (body, problem) = await ReadAsync<OutcomeRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var resultCode = string.IsNullOrWhiteSpace(body.ResultCode) ? "0" : body.ResultCode.Trim();
        CheckSeconds(errors, "callbackDelaySeconds", body.CallbackDelaySeconds);
        CheckSeconds(errors, "lateBySeconds", body.LateBySeconds);
        if (body.Times is < 1)
        {
            errors["times"] = ["must be at least 1"];
        }

        string? phone = null;
        if (body.PhoneNumber is not null && !TryNormalizePhone(body.PhoneNumber, out phone))
        {
            errors["phoneNumber"] = ["must be a Kenyan mobile number such as 254712345678 or 0712345678"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var plan = new StkOutcomePlan(resultCode, body.ResultDesc, Seconds(body.CallbackDelaySeconds),
            body.Callback ?? CallbackFault.None, Seconds(body.LateBySeconds), body.PendingQuery);
        if (phone is not null)
        {
            state.Outcomes.ForPhone(phone, plan, body.Times);
        }
        else
        {
            state.Outcomes.ForNextPushes(plan, body.Times ?? 1);
        }

        return Json(new { phoneNumber = phone, plan.ResultCode, plan.Callback, times = body.Times }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> SetDefaultsAsync(HttpRequest request, DarajaSimulatorState state)
    {
        var (body, problem) = await ReadAsync<DefaultsRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        CheckSeconds(errors, "callbackDelaySeconds", body.CallbackDelaySeconds);
        CheckSeconds(errors, "lateBySeconds", body.LateBySeconds);
        if (body.QueryFailureRate is < 0 or > 1)
        {
            errors["queryFailureRate"] = ["must be between 0 and 1"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var current = state.Outcomes.Defaults;
        var plan = current.Plan with
        {
            ResultCode = string.IsNullOrWhiteSpace(body.ResultCode) ? current.Plan.ResultCode : body.ResultCode.Trim(),
            CallbackDelay = Seconds(body.CallbackDelaySeconds) ?? current.Plan.CallbackDelay,
            Callback = body.Callback ?? current.Plan.Callback,
            LateBy = Seconds(body.LateBySeconds) ?? current.Plan.LateBy,
        };
        state.Outcomes.Defaults = new SimulatorDefaults(
            plan,
            body.PendingQuery ?? current.PendingQuery,
            body.QueryFailureRate ?? current.QueryFailureRate,
            body.ExpiresInAsNumber ?? current.ExpiresInAsNumber);
        return Json(DefaultsView(state.Outcomes.Defaults));
    }

    private static async Task<IResult> AddFaultAsync(HttpRequest request, DarajaSimulatorState state)
    {
        var (body, problem) = await ReadAsync<FaultRequest>(request);
        if (body is null)
        {
            return problem!;
        }

        if (body.StatusCode is < 100 or > 599)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["statusCode"] = ["must be an HTTP status code"] });
        }

        if (body.Times is < 1 || body.DelayMilliseconds is < 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["times"] = ["times must be ≥ 1 and delayMilliseconds ≥ 0"] });
        }

        var fault = new ResponseFault(body.Operation, body.Shape, body.StatusCode ?? 500, body.ErrorCode, body.ErrorMessage,
            body.DelayMilliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null, body.Times ?? 1);
        state.Faults.Add(fault);
        return Json(fault, StatusCodes.Status201Created);
    }

    private static SimulatorStatsView Stats(DarajaSimulatorState state, StkCallbackSender sender) => new(
        state.RequestCount(SimulatedOperation.Token),
        state.RequestCount(SimulatedOperation.StkPush),
        state.RequestCount(SimulatedOperation.StkQuery),
        state.RequestCount(SimulatedOperation.C2BRegisterUrl),
        state.RequestCount(SimulatedOperation.C2BSimulate),
        state.CallbacksSent,
        sender.PendingCallbacks,
        state.Transactions.Count);

    private static object DefaultsView(SimulatorDefaults defaults) => new
    {
        resultCode = defaults.Plan.ResultCode,
        callbackDelaySeconds = defaults.Plan.CallbackDelay?.TotalSeconds,
        callback = defaults.Plan.Callback,
        lateBySeconds = defaults.Plan.LateBy?.TotalSeconds,
        pendingQuery = defaults.PendingQuery,
        queryFailureRate = defaults.QueryFailureRate,
        expiresInAsNumber = defaults.ExpiresInAsNumber,
    };

    private static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, SimulatorJson.Control, request.HttpContext.RequestAborted);
            return body is null ? (null, Results.Problem("A JSON body is required.", statusCode: StatusCodes.Status400BadRequest)) : (body, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [ex.Message] }));
        }
    }

    private static void CheckSeconds(Dictionary<string, string[]> errors, string field, double? seconds)
    {
        if (seconds is < 0 or > 86_400 || (seconds is { } value && double.IsNaN(value)))
        {
            errors[field] = ["must be between 0 and 86400 seconds"];
        }
    }

    private static TimeSpan? Seconds(double? seconds) => seconds is { } value ? TimeSpan.FromSeconds(value) : null;

    private static bool TryNormalizePhone(string input, out string msisdn)
    {
        var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
        msisdn = digits switch
        {
            { Length: 10 } when digits[0] == '0' => "254" + digits[1..],
            { Length: 9 } => "254" + digits,
            _ => digits,
        };
        return StkPushValidator.IsMsisdn(msisdn);
    }

    private static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, SimulatorJson.Control, statusCode: status);
}
