namespace WifiBilling.Portal.Hosting;

public static class PortalHostingExtensions
{
    /// <summary>Default listen address when neither ASPNETCORE_URLS nor --urls is given.</summary>
    public const string DefaultUrls = "http://0.0.0.0:8080";

    public static WebApplicationBuilder AddPortalHosting(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapPortalHosting(this WebApplication app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "Healthy" }));
        return app;
    }
}
