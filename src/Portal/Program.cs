using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddPortalHosting();
builder.AddPortalBilling();
builder.AddPortalRadius();
builder.AddPortalHotspot();
builder.AddAdminApiKey();

var app = builder.Build();

app.UsePortalRequestLogging();
app.UseAdminApiKey();
app.MapPortalHosting();
app.MapHotspotEndpoints();

app.Run();
