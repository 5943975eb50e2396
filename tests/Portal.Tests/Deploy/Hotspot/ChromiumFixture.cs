using Microsoft.Playwright;

namespace WifiBilling.Portal.Tests.Deploy.Hotspot;

/// <summary>
/// One headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) driven by Playwright, shared by a test
/// class. When it cannot start, tests skip and say why instead of failing on the machine.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string Unavailable { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            Unavailable = $"{executable} not found (./test.sh installs Debian's chromium)";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                // --no-sandbox: the test machines run as root; the rest keeps Chromium from calling home or updating.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
            });
        }
        catch (PlaywrightException e)
        {
            Unavailable = "Chromium did not start: " + e.Message;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
