using Microsoft.AspNetCore.Http.HttpResults;

namespace WifiBilling.Portal.Endpoints;

/// <summary>The 404 problem the router, voucher and session endpoints answer for an id nobody has.</summary>
internal static class HotspotProblems
{
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"{what} not found",
            detail: $"No {what.ToLowerInvariant()} has the id '{id}'.");
}
