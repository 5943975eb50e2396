using System.Text.Json;

namespace WifiBilling.Simulators.Tests.Daraja.Support;

/// <summary>One POST the receiver got.</summary>
public sealed record ReceivedCallback(string Path, string? ContentType, string ShortCodeHeader, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
