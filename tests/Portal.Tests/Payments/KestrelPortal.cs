using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace WifiBilling.Portal.Tests.Payments;

/// <summary>
/// Helpers for a Portal run by WebApplicationFactory on real Kestrel (the Daraja simulator posts callbacks over HTTP,
/// which the in-memory TestServer cannot receive). Shared with EndToEnd.Tests as a linked file.
/// </summary>
internal static class KestrelPortal
{
    /// <summary>A fresh temporary folder for the Portal's SQLite file and data directory.</summary>
    public static string NewDataFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Starts the server and returns an HttpClient for the address Kestrel actually bound.</summary>
    public static HttpClient StartAndConnect<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    public static void DeleteDataFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping background service: the temporary folder is left to the OS.
        }
    }
}
