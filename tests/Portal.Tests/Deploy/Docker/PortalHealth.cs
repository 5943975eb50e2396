using System.Net;

namespace WifiBilling.Portal.Tests.Deploy.Docker;

/// <summary>Waits for a Portal started as a child process to answer 200 on /health, failing fast if it exits.</summary>
internal static class PortalHealth
{
    public static async Task WaitAsync(RunningProcess portal, int port, TimeSpan timeout, string what)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (portal.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {portal.ExitCode}:\n{portal.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"/health of {what} did not answer 200 within {timeout} (last: {last}). Output:\n{portal.Output}");
    }
}
