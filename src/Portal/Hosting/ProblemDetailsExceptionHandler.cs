using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using WifiBilling.Billing.Domain;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Turns bad input into RFC 7807 problem details that name the field: domain validation (400), state conflicts
/// (409) and unreadable request bodies (400, the JSON path of the bad value as the field).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            BillingValidationException invalid => (
                StatusCodes.Status400BadRequest,
                "The request is not valid",
                new Dictionary<string, string[]> { [invalid.Field] = [invalid.Reason] }),
            BillingConflictException => (StatusCodes.Status409Conflict, "The request conflicts with the current state", null),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", BodyErrors(bad)),
            _ => (0, string.Empty, null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = errors is null ? exception.Message : string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
        };
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>A JSON error names its path ("$.price" → "price"); otherwise the body as a whole is at fault.</summary>
    private static Dictionary<string, string[]> BodyErrors(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 0 } path })
        {
            var field = path.TrimStart('$').TrimStart('.');
            return new() { [field.Length == 0 ? "body" : field] = ["has a value of the wrong type or format"] };
        }

        return new() { ["body"] = [bad.InnerException is JsonException ? "is not valid JSON" : bad.Message] };
    }
}
