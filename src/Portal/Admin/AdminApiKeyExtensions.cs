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

    /// <summary>Loads (or generates and prints) the key at start-up rather than on the first admin request.</summary>
    public static WebApplication UseAdminApiKey(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<AdminApiKey>();
        app.Logger.LogInformation("Admin API key loaded from {Source}", key.Source);
        return app;
    }

    /// <summary>The /api/admin route group; every route in it requires the admin API key.</summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/admin")
            .AddEndpointFilter<AdminApiKeyFilter>()
            .WithTags("Admin");
}
