using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Endpoints;
using WifiBilling.Portal.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = PortalContentRoot.Resolve() });

builder.AddPortalLogging();
builder.AddPortalHosting();
builder.AddPortalBilling();
builder.AddPortalRadius();
builder.AddPortalHotspot();
builder.AddAdminApiKey();
builder.AddPortalPayments();
builder.AddPortalPages();
builder.AddPortalOpenApiSecurity();
builder.AddPortalMetrics();

var app = builder.Build();

app.UsePortalRequestLogging();
app.UseAdminApiKey();
app.MapPortalHosting();
app.UsePortalMetrics();
app.MapPortalPages();
app.MapPortalPayments();
app.MapPlanEndpoints();
app.MapReportEndpoints();
app.MapDashboardEndpoints();
app.MapHotspotEndpoints();

app.Run();
