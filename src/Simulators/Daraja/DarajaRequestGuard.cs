using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WifiBilling.Simulators.Daraja;

/// <summary>What every simulated Daraja API does first: count the request, apply an injected fault, check the bearer token, read the JSON body.</summary>
internal static class DarajaRequestGuard
{
    /// <summary>Runs <paramref name="handle"/> unless an injected fault replaces the answer; a slow fault delays it.</summary>
    public static async Task<IResult> ServeAsync(HttpContext context, SimulatedOperation operation, Func<DarajaSimulatorState, Task<IResult>> handle)
    {
        var state = context.RequestServices.GetRequiredService<DarajaSimulatorState>();
        state.CountRequest(operation);
        var fault = state.Faults.Take(operation);
        if (fault is not null && fault.Shape != ResponseShape.SlowResponse)
        {
            return DarajaWireResults.FromFault(fault);
        }

        var result = await handle(state);
        if (fault is not null)
        {
            try
            {
                // Real time on purpose: this is about the client's network timeout, not the simulated clock.
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(5), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        return result;
    }

    /// <summary>STK APIs: a refused token is 404 404.001.03; a non-JSON body reads as "Invalid BusinessShortCode" ([OFF-STK] FAQ 9).</summary>
    public static Task<IResult> ServeStkJsonAsync(
        HttpContext context, SimulatedOperation operation, Func<DarajaSimulatorState, JsonElement, IResult> handle) =>
        ServeJsonAsync(context, operation, DarajaWireResults.InvalidToken, () => DarajaWireResults.BadRequest("BusinessShortCode"), handle);

    /// <summary>C2B APIs use their own code for a refused token, 400 400.003.01 ([OFF-C2B] error table).</summary>
    public static Task<IResult> ServeC2BJsonAsync(
        HttpContext context, SimulatedOperation operation, Func<DarajaSimulatorState, JsonElement, IResult> handle) =>
        ServeJsonAsync(context, operation,
            () => DarajaWireResults.Error(StatusCodes.Status400BadRequest, "400.003.01", "Invalid Access Token"), InvalidPayload, handle);

    public static bool HasValidBearer(HttpRequest request, DarajaSimulatorState state)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && state.Tokens.IsValid(header["Bearer ".Length..].Trim());
    }

    /// <summary>Daraja needs application/json; anything else is read as a missing BusinessShortCode ([OFF-STK] FAQ 9).</summary>
    public static bool IsJson(HttpRequest request) =>
        request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false;

    /// <summary>The body as a JSON object; trailing commas pass, as in the official query sample (daraja.md §4).</summary>
    public static async Task<JsonDocument?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(
                request.Body, new JsonDocumentOptions { AllowTrailingCommas = true }, request.HttpContext.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task<IResult> ServeJsonAsync(
        HttpContext context,
        SimulatedOperation operation,
        Func<IResult> invalidToken,
        Func<IResult> notJson,
        Func<DarajaSimulatorState, JsonElement, IResult> handle) =>
        ServeAsync(context, operation, async state =>
        {
            if (!HasValidBearer(context.Request, state))
            {
                return invalidToken();
            }

            if (!IsJson(context.Request))
            {
                return notJson();
            }

            using var document = await ReadObjectAsync(context.Request);
            return document is null ? InvalidPayload() : handle(state, document.RootElement);
        });

    public static IResult InvalidPayload() =>
        DarajaWireResults.Error(StatusCodes.Status400BadRequest, "400.002.05", "Invalid Request Payload");
}
