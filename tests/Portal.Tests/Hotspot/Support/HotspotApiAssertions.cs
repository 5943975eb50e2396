using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WifiBilling.Portal.Tests.Hotspot.Support;

/// <summary>Reads API answers: JSON bodies and RFC 7807 problems.</summary>
public static class HotspotApiAssertions
{
    /// <summary>Asserts a problem with <paramref name="status"/> and, when given, an error naming <paramref name="field"/>.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        if (field is not null)
        {
            problem.TryGetProperty("errors", out var errors).Should().BeTrue(body);
            errors.TryGetProperty(field, out _).Should().BeTrue($"the problem should name '{field}': {body}");
        }

        return problem;
    }

    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);
}
