using WifiBilling.Billing;

namespace WifiBilling.Portal.Hosting;

/// <summary>The billing side of the process: stores (SQLite by default, MongoDB with MONGO_URI).</summary>
public static class PortalBillingExtensions
{
    public static WebApplicationBuilder AddPortalBilling(this WebApplicationBuilder builder)
    {
        builder.Services.AddBillingStorage(builder.Configuration);
        return builder;
    }
}
