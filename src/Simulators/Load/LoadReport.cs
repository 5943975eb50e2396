using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WifiBilling.Simulators.Load;

/// <summary>A load run's phases (setup, if any, then the measured one) and the server's memory at the end.</summary>
public sealed record LoadReport(string? Label, IReadOnlyList<LoadPhaseResult> Phases, ProcessMemory? ServerMemory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    /// <summary>The measured phase (the last).</summary>
    public LoadPhaseResult Measured => Phases[^1];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText()
    {
        var text = new StringBuilder();
        if (Label is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"== {Label}");
        }

        foreach (var phase in Phases)
        {
            var loop = phase.Loop == "closed" ? $"closed loop, {phase.Concurrency} outstanding" : $"open loop at {phase.TargetRate:0.#}/s";
            var latency = phase.Latency;
            text.AppendLine(CultureInfo.InvariantCulture, $"{phase.Phase}: {phase.Kind.ToString().ToLowerInvariant()}, {phase.Routers} routers, {loop}, {phase.Requests:N0} requests");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  sent {phase.Sent:N0}  answered {phase.Answered:N0}  accepted {phase.Accepted:N0}  rejected {phase.Rejected:N0}  lost {phase.Lost:N0}  retransmits {phase.Retransmits:N0}  bad replies {phase.BadReplies:N0}  duplicate replies {phase.DuplicateReplies:N0}  identifier waits {phase.IdentifierWaits:N0}");
            var lag = phase.MaxSendLagMilliseconds is { } behind
                ? string.Create(CultureInfo.InvariantCulture, $", sender at most {behind:0.0} ms behind schedule")
                : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  throughput {phase.Throughput:N0}/s over {phase.ElapsedSeconds:0.000} s (prepared in {phase.PrepareSeconds:0.0} s){lag}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  latency ms: p50 {latency.P50:0.000}  p90 {latency.P90:0.000}  p99 {latency.P99:0.000}  p99.9 {latency.P999:0.000}  max {latency.Max:0.000}  mean {latency.Mean:0.000}");
        }

        if (ServerMemory is { } memory)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"server pid {memory.ProcessId}: RSS {memory.ResidentMegabytes:0.0} MB (peak {memory.PeakResidentMegabytes:0.0} MB)");
        }

        return text.ToString();
    }
}
