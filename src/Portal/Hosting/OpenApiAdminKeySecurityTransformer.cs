using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WifiBilling.Portal.Admin;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Documents the admin key: two security schemes (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>), and on
/// every operation under <c>/api/admin</c> a requirement for either of them plus the 401 answer. Scalar then offers a
/// key box, and the API tests check that every operation documented here really refuses a call without the key.
/// </summary>
public sealed class OpenApiAdminKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public const string BearerSchemeName = "AdminApiKey";
    public const string HeaderSchemeName = "AdminApiKeyHeader";
    public const string AdminPathPrefix = "/api/admin";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The admin API key (ADMIN_API_KEY, or the key printed once on first start) as a bearer token.",
        };
        document.Components.SecuritySchemes[HeaderSchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AdminApiKeyFilter.HeaderName,
            Description = "The same admin API key in the X-Api-Key header.",
        };

        // Two requirements in the list are alternatives (OpenAPI 3.1 §4.8.10.1): either header will do.
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [] };
        var header = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderSchemeName, document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith(AdminPathPrefix, StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(bearer);
                operation.Security.Add(header);
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No admin API key, or a wrong one." });
            }
        }

        return Task.CompletedTask;
    }
}
