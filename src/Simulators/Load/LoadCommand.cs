using System.Globalization;
using System.Net;

namespace WifiBilling.Simulators.Load;

/// <summary>
/// <c>load --server IP --secret S --vouchers FILE [options]</c>: K virtual MikroTik routers send PAP/CHAP/MAC logins or
/// accounting to a RADIUS server, open loop at a fixed rate or closed loop at maximum throughput, with RouterOS'
/// timeouts and retransmissions; prints sent, answered, accepted, rejected, lost, retransmits and latency percentiles
/// as text or JSON (<c>--json</c>). Exit code 0 when nothing was lost, 1 otherwise.
/// </summary>
public sealed class LoadCommand : ISimulatorCommand
{
    private const string UsageText = """
        usage: load --server IP --secret SECRET --vouchers FILE [options]
          --kind pap|chap|mac|start|interim|stop   what the routers send (default pap)
          --auth-port 1812 --acct-port 1813
          --secret S            shared secret; {router} is replaced by the router's number (1..K)
          --vouchers FILE       voucher codes, one per line (not needed for mac)
          --routers 10          virtual routers; --distinct-addresses: router n sends from --source-address + n-1
          --source-address 127.0.0.1   --ports-per-router 1
          --requests 10000      requests in the measured phase (or --duration with --rate)
          --rate R              open loop: R requests per second; without it a closed loop with --concurrency 64
          --duration 10s        with --rate: requests = rate x duration
          --setup-pass          first one login per voucher (activation), reported as its own phase
          --sessions S          interim/stop: sessions started first (default: one per voucher)
          --timeout 1100ms --retries 3   RouterOS' /radius timeout and retransmissions
          --no-message-authenticator     like RouterOS before 7.15 (replies are then not required to carry one)
          --identity-prefix load --boot 1 --label TEXT --server-pid PID (report its memory) --json
        """;

    private static readonly string[] Switches = ["json", "distinct-addresses", "setup-pass", "no-message-authenticator"];

    public string Name => "load";

    public string Summary => "RADIUS load generator: K virtual MikroTik routers, PAP/CHAP/MAC logins or accounting, open or closed loop";

    public string Usage => UsageText;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        LoadSettings settings;
        bool json;
        try
        {
            (settings, json) = Parse(args);
        }
        catch (FormatException ex)
        {
            return UsageError(ex.Message);
        }

        if (settings.Problem() is { } problem)
        {
            return UsageError(problem);
        }

        var report = await LoadGenerator.RunAsync(settings, cancellationToken).ConfigureAwait(false);
        Console.Write(json ? report.ToJson() + Environment.NewLine : report.ToText());
        return report.Phases.Any(p => p.Lost > 0) ? 1 : 0;
    }

    /// <summary>Reads the command line; a <see cref="FormatException"/> names the option that is wrong.</summary>
    public static (LoadSettings Settings, bool Json) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : throw new FormatException($"unexpected argument '{args[i]}'");
            if (Switches.Contains(name))
            {
                flags.Add(name);
            }
            else if (i + 1 < args.Count)
            {
                values[name] = args[++i];
            }
            else
            {
                throw new FormatException($"--{name} needs a value");
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "server", "auth-port", "acct-port", "secret", "kind", "vouchers", "routers", "source-address", "ports-per-router",
            "requests", "rate", "duration", "concurrency", "sessions", "timeout", "retries", "identity-prefix", "boot",
            "server-pid", "label",
        };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new FormatException($"unknown option --{unknown}");
        }

        var rate = values.TryGetValue("rate", out var rateText) ? Number(rateText, "rate") : (double?)null;
        var requests = Integer(values, "requests", 10_000);
        if (values.TryGetValue("duration", out var durationText))
        {
            requests = rate is { } r
                ? (int)Math.Ceiling(r * Duration(durationText, "duration").TotalSeconds)
                : throw new FormatException("--duration needs --rate (a closed loop runs a number of --requests)");
        }

        var settings = new LoadSettings
        {
            Server = Address(values.GetValueOrDefault("server"), "server"),
            AuthPort = Integer(values, "auth-port", 1812),
            AcctPort = Integer(values, "acct-port", 1813),
            Secret = values.GetValueOrDefault("secret", string.Empty),
            Kind = values.TryGetValue("kind", out var kind) ? Kind(kind) : LoadKind.Pap,
            Vouchers = values.TryGetValue("vouchers", out var file) ? ReadVouchers(file) : [],
            Routers = Integer(values, "routers", 10),
            SourceAddress = values.TryGetValue("source-address", out var source) ? Address(source, "source-address") : IPAddress.Loopback,
            DistinctAddresses = flags.Contains("distinct-addresses"),
            PortsPerRouter = Integer(values, "ports-per-router", 1),
            Requests = requests,
            Rate = rate,
            Concurrency = Integer(values, "concurrency", 64),
            SetupPass = flags.Contains("setup-pass"),
            Sessions = Integer(values, "sessions", 0),
            Timeout = values.TryGetValue("timeout", out var timeout) ? Duration(timeout, "timeout") : TimeSpan.FromMilliseconds(1100),
            Retries = Integer(values, "retries", 3),
            SendMessageAuthenticator = !flags.Contains("no-message-authenticator"),
            IdentityPrefix = values.GetValueOrDefault("identity-prefix", "load"),
            Boot = Integer(values, "boot", 1),
            ServerProcessId = values.ContainsKey("server-pid") ? Integer(values, "server-pid", 0) : null,
            Label = values.GetValueOrDefault("label"),
        };
        return (settings, flags.Contains("json"));
    }

    /// <summary>"1100ms", "1.1s", "10s", "2m", or plain seconds.</summary>
    public static TimeSpan Duration(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        var seconds = Number(number, option) * unit;
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new FormatException($"--{option} must be a positive duration such as 1100ms or 10s");
    }

    private static IReadOnlyList<string> ReadVouchers(string path) =>
        File.Exists(path) ? LoadVouchers.Read(path) : throw new FormatException($"--vouchers: no file '{path}'");

    private static LoadKind Kind(string text) =>
        Enum.TryParse<LoadKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)
            ? kind
            : throw new FormatException("--kind must be pap, chap, mac, start, interim or stop");

    private static IPAddress Address(string? text, string option) =>
        IPAddress.TryParse(text, out var address) ? address : throw new FormatException($"--{option} must be an IP address");

    private static int Integer(Dictionary<string, string> values, string option, int fallback) =>
        !values.TryGetValue(option, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new FormatException($"--{option} must be a whole number");

    private static double Number(string text, string option) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"--{option} must be a number");

    private static int UsageError(string problem)
    {
        Console.Error.WriteLine($"load: {problem}");
        Console.Error.WriteLine(UsageText);
        return 2;
    }
}
