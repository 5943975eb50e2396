namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Where the Portal finds appsettings.json and wwwroot. Normally the working directory (ASP.NET Core's default; the
/// published image runs in its own folder). <c>dotnet run --project src/Portal</c> starts in the folder it was typed
/// in (the csproj's RunWorkingDirectory), so that <c>./data</c> lands there; that folder has no appsettings.json, and
/// then the build output, which carries both, is the content root.
/// </summary>
public static class PortalContentRoot
{
    private const string Settings = "appsettings.json";

    /// <summary>Null keeps ASP.NET Core's default (the working directory, or what a test host sets).</summary>
    public static string? Resolve()
    {
        var here = Directory.GetCurrentDirectory();
        var beside = AppContext.BaseDirectory;
        return !File.Exists(Path.Combine(here, Settings)) && File.Exists(Path.Combine(beside, Settings)) ? beside : null;
    }
}
