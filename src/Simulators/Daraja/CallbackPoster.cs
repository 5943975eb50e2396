using System.Net.Http.Headers;
using System.Text;

namespace WifiBilling.Simulators.Daraja;

/// <summary>Posts one JSON notification the way Daraja does: once, no retry on non-2xx or errors (daraja.md §6 "Lost").</summary>
internal sealed class CallbackPoster(IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
{
    public const string HttpClientName = "WifiBilling.Simulators.Daraja.Callbacks";

    public async Task<(CallbackDelivery Delivery, string? ResponseBody)> PostAsync(
        string url, string json, string shortCode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var at = timeProvider.GetUtcNow();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;charset=UTF-8");

            // Captured on real callbacks (daraja.md §3); receivers must not depend on it.
            request.Headers.TryAddWithoutValidation("Businessshortcode", shortCode);
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, timeoutSource.Token);
            var body = await response.Content.ReadAsStringAsync(timeoutSource.Token);
            return (new CallbackDelivery(at, (int)response.StatusCode, null), body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new CallbackDelivery(at, null, $"no answer within {timeout.TotalSeconds:0.#} s"), null);
        }
        catch (HttpRequestException ex)
        {
            return (new CallbackDelivery(at, null, ex.Message), null);
        }
    }
}
