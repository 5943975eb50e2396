using WifiBilling.Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalHosting();

var app = builder.Build();

app.MapPortalHosting();

app.Run();
