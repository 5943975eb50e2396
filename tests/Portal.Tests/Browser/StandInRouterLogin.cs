using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WifiBilling.Portal.Tests.Deploy.Hotspot;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>
/// The router's login servlet as far as the buy page cares: a loopback site whose POST /login records the form the
/// page submitted (RouterOS would check it by RADIUS) and answers with a plain "logged in" page.
/// </summary>
internal sealed class StandInRouterLogin : IAsyncDisposable
{
    public const string OriginalUrl = "http://example.com/news?a=1&b=two words";

    private readonly ConcurrentQueue<IFormCollection> _posts = new();
    private readonly TaskCompletionSource<IFormCollection> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackSite? _site;

    /// <summary>http://127.0.0.1:port/login, what login.html passes as link-login-only.</summary>
    public string LoginUrl => _site!.BaseUrl + "/login";

    public Task<IFormCollection> FirstLogin => _first.Task;

    public int LoginCount => _posts.Count;

    public static async Task<StandInRouterLogin> StartAsync()
    {
        var router = new StandInRouterLogin();
        router._site = await LoopbackSite.StartAsync(app => app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            router._posts.Enqueue(form);
            router._first.TrySetResult(form);
            return Results.Content("<html><body><h1 id=\"logged-in\">You are logged in</h1></body></html>", "text/html");
        }));
        return router;
    }

    public ValueTask DisposeAsync() => _site?.DisposeAsync() ?? ValueTask.CompletedTask;
}
