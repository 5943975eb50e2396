using System.Text.Json;
using System.Text.Json.Serialization;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>The Portal's JSON conventions (camelCase, enums as lower-case words) for reading its answers in tests.</summary>
internal static class PortalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
