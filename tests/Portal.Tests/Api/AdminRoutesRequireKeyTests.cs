using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>
/// Every operation under /api/admin that /openapi/v1.json documents is called without a key and with wrong keys, and
/// must answer 401 — before it reads its body or query (a malformed body and a bad query are sent too). A new admin
/// route is therefore covered the moment it is mapped, whoever maps it.
/// </summary>
public sealed partial class AdminRoutesRequireKeyTests : IDisposable
{
    private readonly PortalApiFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    public static IEnumerable<object[]> Callers() =>
    [
        ["no key", (Action<HttpRequestMessage>)(_ => { })],
        ["wrong bearer key", (Action<HttpRequestMessage>)(r => r.Headers.Authorization = new("Bearer", "wrong-key-wrong-key-wrong"))],
        ["wrong X-Api-Key", (Action<HttpRequestMessage>)(r => r.Headers.Add("X-Api-Key", "wrong-key-wrong-key-wrong"))],
        ["empty bearer", (Action<HttpRequestMessage>)(r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer "))],
        ["key in another scheme", (Action<HttpRequestMessage>)(r => r.Headers.TryAddWithoutValidation("Authorization", "Basic " + PortalApiFactory.AdminKey))],
    ];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_documented_admin_operation_answers_401_to(string caller, Action<HttpRequestMessage> authenticate)
    {
        var operations = await AdminOperationsAsync();
        operations.Should().HaveCountGreaterThanOrEqualTo(7, "the plan, report and dashboard routes at least");
        using var client = _portal.CreateClient();
        var failures = new List<string>();

        foreach (var (method, path) in operations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path) + "?offset=x&limit=x&from=x&active=x");
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{ not json", Encoding.UTF8, "application/json");
            }

            authenticate(request);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode}");
            }
            else
            {
                response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
            }
        }

        failures.Should().BeEmpty("every admin route must refuse a caller with {0}", caller);
    }

    [Fact]
    public async Task Every_admin_operation_is_documented_with_the_key_requirement_and_a_401()
    {
        using var client = _portal.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var root = document.RootElement;

        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("AdminApiKey").GetProperty("scheme").GetString().Should().Be("bearer");
        schemes.GetProperty("AdminApiKeyHeader").GetProperty("name").GetString().Should().Be("X-Api-Key");
        foreach (var (method, path, operation) in Operations(root).Where(o => IsAdmin(o.Path)))
        {
            var requirements = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            requirements.Should().BeEquivalentTo(["AdminApiKey", "AdminApiKeyHeader"], "{0} {1}", method, path);
            operation.GetProperty("responses").TryGetProperty("401", out _).Should().BeTrue("{0} {1} documents its 401", method, path);
        }

        foreach (var (method, path, operation) in Operations(root).Where(o => !IsAdmin(o.Path)))
        {
            operation.TryGetProperty("security", out _).Should().BeFalse("{0} {1} is for customers and needs no key", method, path);
        }
    }

    [Fact]
    public async Task The_document_lists_the_plan_report_and_dashboard_routes()
    {
        var operations = await AdminOperationsAsync();
        using var client = _portal.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        operations.Should().Contain(
        [
            ("GET", "/api/admin/plans"), ("POST", "/api/admin/plans"), ("GET", "/api/admin/plans/{id}"),
            ("PUT", "/api/admin/plans/{id}"), ("DELETE", "/api/admin/plans/{id}"),
            ("GET", "/api/admin/reports/revenue"), ("GET", "/api/admin/dashboard"),
        ]);
        Operations(document.RootElement).Select(o => (o.Method, o.Path)).Should().Contain(("GET", "/api/plans"));
        Operations(document.RootElement).Select(o => o.Path).Should().NotContain(["/md5.js", "/admin"], "pages are not API operations");
    }

    private async Task<List<(string Method, string Path)>> AdminOperationsAsync()
    {
        using var client = _portal.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return Operations(document.RootElement).Where(o => IsAdmin(o.Path)).Select(o => (o.Method, o.Path)).ToList();
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement root) =>
        root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(member => member.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options")
            .Select(member => (member.Name.ToUpperInvariant(), path.Name, member.Value)))
            .ToList();

    private static bool IsAdmin(string path) => path == "/api/admin" || path.StartsWith("/api/admin/", StringComparison.Ordinal);

    /// <summary>Path parameters get dummy values: {id} → dummy-id, {code} → dummy-code …</summary>
    private static string Fill(string path) => PathParameter().Replace(path, m => "dummy-" + m.Groups[1].Value);

    [GeneratedRegex(@"\{([^}:]+)(:[^}]*)?\}")]
    private static partial Regex PathParameter();
}
