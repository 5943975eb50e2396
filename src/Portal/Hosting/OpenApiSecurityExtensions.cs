using Microsoft.AspNetCore.OpenApi;

namespace WifiBilling.Portal.Hosting;

public static class OpenApiSecurityExtensions
{
    /// <summary>Adds the admin key's security schemes and requirements to the "v1" document (<c>/openapi/v1.json</c>).</summary>
    public static WebApplicationBuilder AddPortalOpenApiSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer<OpenApiAdminKeySecurityTransformer>());
        return builder;
    }
}
