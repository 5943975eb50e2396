using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace WifiBilling.Simulators.Daraja;

/// <summary><c>daraja [--port N] [--host IP] [--consumer-key K] [--consumer-secret S] [--shortcode C] [--passkey P] [--callback-delay SECONDS] [--production]</c>.</summary>
public sealed class DarajaCommand : ISimulatorCommand
{
    public const int DefaultPort = 8089;

    private const string UsageText =
        "usage: daraja [--port N] [--host IP] [--consumer-key K] [--consumer-secret S] [--shortcode C] [--passkey P] [--callback-delay SECONDS] [--production]";

    public string Name => "daraja";

    public string Summary => "Safaricom Daraja simulator (OAuth, STK push/query + callbacks, C2B): --port N";

    public string Usage => UsageText;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var production = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--production")
            {
                production = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                settings[args[i][2..]] = args[++i];
            }
            else
            {
                return UsageError($"unexpected argument '{args[i]}'");
            }
        }

        var port = DefaultPort;
        var address = IPAddress.Loopback;
        var delay = (TimeSpan?)null;
        if ((settings.TryGetValue("port", out var portText) && !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port))
            || port > IPEndPoint.MaxPort)
        {
            return UsageError("--port must be a number from 0 to 65535");
        }

        if (settings.TryGetValue("host", out var hostText) && !IPAddress.TryParse(hostText, out address))
        {
            return UsageError("--host must be an IP address such as 127.0.0.1 or 0.0.0.0");
        }

        if (settings.TryGetValue("callback-delay", out var delayText))
        {
            if (!double.TryParse(delayText, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                return UsageError("--callback-delay must be a number of seconds");
            }

            delay = TimeSpan.FromSeconds(seconds);
        }

        try
        {
            await using var host = await DarajaSimulatorHost.StartAsync(address!, port, options =>
            {
                options.Production = production;
                options.ConsumerKey = settings.GetValueOrDefault("consumer-key", options.ConsumerKey);
                options.ConsumerSecret = settings.GetValueOrDefault("consumer-secret", options.ConsumerSecret);
                options.CallbackDelay = delay ?? options.CallbackDelay;
                if (settings.ContainsKey("shortcode") || settings.ContainsKey("passkey"))
                {
                    options.Merchants =
                    [
                        new SimulatedMerchant
                        {
                            ShortCode = settings.GetValueOrDefault("shortcode", DarajaSimulatorOptions.SandboxShortCode),
                            PassKey = settings.GetValueOrDefault("passkey", DarajaSimulatorOptions.SandboxPassKey),
                        },
                    ];
                }
            }, configureLogging: logging => logging.AddSimpleConsole(console => console.SingleLine = true), cancellationToken: cancellationToken);

            var state = host.State;
            var merchant = state.Options.EffectiveMerchants[0];
            Console.WriteLine($"""
                Daraja simulator listening on {host.BaseAddress}   (payments are SIMULATED)
                  consumer key     {state.Options.ConsumerKey}
                  consumer secret  {state.Options.ConsumerSecret}
                  shortcode        {merchant.ShortCode}
                  passkey          {merchant.PassKey}
                  control API      {host.BaseAddress}simulator   (outcomes, faults, transactions)
                  magic phones     2547000FCCCC: CCCC = ResultCode (0000 paid, 1032 cancelled), F = callback 0 normal/1 lost/2 duplicate/3 late
                Press Ctrl+C to stop.
                """);

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C, also while still starting.
        }

        return 0;
    }

    private static int UsageError(string problem)
    {
        Console.Error.WriteLine($"daraja: {problem}");
        Console.Error.WriteLine(UsageText);
        return 2;
    }
}
