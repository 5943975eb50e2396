namespace WifiBilling.Portal.Admin;

/// <summary>Guards every /api/admin route: `Authorization: Bearer &lt;key&gt;` or `X-Api-Key: &lt;key&gt;`.</summary>
public sealed class AdminApiKeyFilter(AdminApiKey adminApiKey) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (adminApiKey.Matches(PresentedKey(request)))
        {
            return await next(context);
        }

        return Refuse(context.HttpContext);
    }

    /// <summary>The 401 answer (problem details with a Bearer challenge).</summary>
    internal static IResult Refuse(HttpContext httpContext)
    {
        httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin API key required",
            detail: "Send the admin API key as 'Authorization: Bearer <key>' or in the X-Api-Key header.");
    }

    internal static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var apiKey = request.Headers[HeaderName].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }
}
