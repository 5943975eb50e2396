using System.Runtime.CompilerServices;

namespace WifiBilling.Portal.Tests.Deploy;

/// <summary>Files of the repository the deploy tests read (the script, the router pages, the Dockerfile).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string RouterScript => Path.Combine(Root, "mikrotik-radius.rsc");

    public static string HotspotPages => Path.Combine(Root, "mikrotik", "hotspot");

    public static string Dockerfile => Path.Combine(Root, "Dockerfile");

    // Test binaries may live outside the checkout (WB_ARTIFACTS), so start from this source file's path as compiled,
    // then from the working directory.
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "WifiBilling.sln")))
                {
                    return directory;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (WifiBilling.sln).");
    }
}
