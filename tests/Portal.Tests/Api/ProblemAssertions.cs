using System.Net;
using System.Text.Json;

namespace WifiBilling.Portal.Tests.Api;

internal static class ProblemAssertions
{
    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> whose errors name <paramref name="field"/>.</summary>
    public static async Task ShouldBeProblemNamingAsync(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.RootElement.TryGetProperty("errors", out var errors).Should().BeTrue("the problem must name the bad field: {0}", body);
        errors.EnumerateObject().Select(e => e.Name).Should().Contain(field, body);
    }
}
