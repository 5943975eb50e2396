namespace WifiBilling.Portal.Admin;

public static class AdminApiKeyExtensions
{
    public static WebApplicationBuilder AddAdminApiKey(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminApiKeyOptions>()
            .Configure(options =>
            {
                options.Key = builder.Configuration["ADMIN_API_KEY"];
                options.DataDirectory = builder.Configuration["Portal:DataDirectory"] ?? options.DataDirectory;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AdminApiKey>();
        builder.Services.AddSingleton<AdminApiKeyFilter>();
        return builder;
    }

    /// <summary>
    /// Loads (or generates and prints) the key at start-up rather than on the first admin request, and enforces it on
    /// every route of <see cref="MapAdminGroup"/>.
    /// </summary>
    public static WebApplication UseAdminApiKey(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<AdminApiKey>();
        app.Logger.LogInformation("Admin API key loaded from {Source}", key.Source);

        // Before the endpoint runs (and binds its body and query): no admin route answers anything but 401 without the key.
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<AdminApiKeyRequired>() is not null
                && !key.Matches(AdminApiKeyFilter.PresentedKey(context.Request)))
            {
                await AdminApiKeyFilter.Refuse(context).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The /api/admin route group; every route in it requires the admin API key.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/admin")
            .AddEndpointFilter<AdminApiKeyFilter>()
            .WithMetadata(AdminApiKeyRequired.Instance)
            .WithTags("Admin");
}
