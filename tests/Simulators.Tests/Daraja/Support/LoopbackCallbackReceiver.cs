using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WifiBilling.Simulators.Tests.Daraja.Support;

/// <summary>
/// A tiny real HTTP server on 127.0.0.1:0 that records every POST (as a Daraja callback receiver would get it)
/// and answers with <see cref="AnswerStatus"/> and <see cref="AnswerBody"/>. Shared with Billing.Tests as a linked file.
/// </summary>
public sealed class LoopbackCallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();

    private LoopbackCallbackReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int AnswerStatus { get; set; } = StatusCodes.Status200OK;

    public Func<string, string> AnswerBody { get; set; } = _ => """{"ResultCode":0,"ResultDesc":"Accepted"}""";

    public IReadOnlyList<ReceivedCallback> Received => [.. _received];

    public static async Task<LoopbackCallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackCallbackReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver._received.Enqueue(new ReceivedCallback(
                context.Request.Path.Value ?? string.Empty,
                context.Request.ContentType,
                context.Request.Headers["Businessshortcode"].ToString(),
                body));
            context.Response.StatusCode = receiver.AnswerStatus;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(receiver.AnswerBody(context.Request.Path.Value ?? string.Empty));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>Polls (real time) until <paramref name="count"/> callbacks matching <paramref name="match"/> arrived.</summary>
    public async Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(
        int count, Func<ReceivedCallback, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = _received.Where(c => match?.Invoke(c) ?? true).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} callbacks, got {found.Count} (of {_received.Count} in total).");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
