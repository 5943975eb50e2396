using System.Globalization;
using System.Net;
using WifiBilling.Radius.Dictionary;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// <c>hotspot --server IP --secret S (--voucher CODE [--chap|--pap] | --mac MAC) [options]</c>: logs one client in
/// through a simulated MikroTik hotspot, prints the reply attributes, keeps the session alive (some traffic, interims
/// at the granted interval) and prints Disconnect/CoA events until Ctrl+C (then logs out) or the session ends.
/// </summary>
public sealed class HotspotCommand : ISimulatorCommand
{
    private const string UsageText =
        "usage: hotspot --server IP --secret SECRET (--voucher CODE [--chap|--pap] | --mac AA:BB:CC:DD:EE:FF)\n" +
        "               [--auth-port 1812] [--acct-port 1813] [--identity MikroTik] [--coa-port 3799] [--device-mac MAC]\n" +
        "               [--local-address 127.0.0.1] [--nas-ip IP] [--boot 0-15] [--no-message-authenticator]";

    public string Name => "hotspot";

    public string Summary => "MikroTik hotspot simulator: log a voucher in over RADIUS and keep the session alive: --server IP --secret S --voucher CODE";

    public string Usage => UsageText;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryParse(args, out var settings, out var flags, out var problem))
        {
            return UsageError(problem);
        }

        if (!TryBuild(settings, flags, out var options, out var login, out problem))
        {
            return UsageError(problem);
        }

        await using var simulator = HotspotSimulator.Start(options);
        Console.WriteLine($"Router '{options.Identity}' ({options.LocalAddress}) → RADIUS {options.AuthServer}/{options.AcctServer.Port}; " +
            (simulator.CoaEndPoint is { } coa ? $"CoA listener on {coa}" : "no CoA listener"));
        Console.WriteLine($"{login.Method} login as {login.UserName} from {login.Mac} ...");

        var result = await simulator.LoginAsync(login, cancellationToken).ConfigureAwait(false);
        if (result.TimedOut)
        {
            Console.WriteLine($"No answer: RADIUS server is not responding ({simulator.Counters.Resends} resends, {simulator.Counters.BadReplies} bad replies).");
            return 3;
        }

        Print(result.Reply!);
        if (result.Session is not { } session)
        {
            return 1;
        }

        Console.WriteLine($"Session {session.AcctSessionId} started; Ctrl+C logs out.");
        var printed = simulator.Events.Count;
        while (session.IsActive && !cancellationToken.IsCancellationRequested)
        {
            // A little traffic every few seconds, so Idle-Timeout does not end the session.
            simulator.AddTraffic(session, 20_000, 150_000);
            await Task.WhenAny(session.Ended, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken)).ConfigureAwait(false);
            printed = PrintEvents(simulator, printed);
        }

        if (session.IsActive)
        {
            Console.WriteLine("Logging out ...");
            await simulator.LogoutAsync(session).WaitAsync(TimeSpan.FromSeconds(15), CancellationToken.None).ConfigureAwait(false);
        }

        PrintEvents(simulator, printed);
        Console.WriteLine($"Session ended: {session.TerminateCause} after {session.SessionTime(options.Clock.GetUtcNow())} s, " +
            $"{session.InputOctets} bytes up, {session.OutputOctets} bytes down.");
        return 0;
    }

    private static void Print(RadiusPacket reply)
    {
        Console.WriteLine(reply.Code == RadiusCode.AccessAccept ? "Access-Accept" : "Access-Reject");
        foreach (var attribute in reply.Attributes)
        {
            Console.WriteLine("  " + RadiusDictionary.Default.Format(attribute));
        }
    }

    private static int PrintEvents(HotspotSimulator simulator, int from)
    {
        var events = simulator.Events;
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            switch (e.Kind)
            {
                case HotspotEventKind.DisconnectReceived or HotspotEventKind.CoaReceived:
                    Console.WriteLine($"{e.At:HH:mm:ss} {e.Packet!.Code} → {e.Answer}{(e.ErrorCause is { } cause ? $" ({cause})" : "")}");
                    foreach (var attribute in e.Packet.Attributes)
                    {
                        Console.WriteLine("  " + RadiusDictionary.Default.Format(attribute));
                    }

                    break;
                case HotspotEventKind.InterimSent:
                    Console.WriteLine($"{e.At:HH:mm:ss} Interim-Update {(e.Acknowledged ? "answered" : "NOT answered")}");
                    break;
                case HotspotEventKind.SessionEnded:
                    Console.WriteLine($"{e.At:HH:mm:ss} Stop ({e.TerminateCause}) {(e.Acknowledged ? "answered" : "NOT answered")}");
                    break;
            }
        }

        return events.Count;
    }

    private static bool TryParse(IReadOnlyList<string> args, out Dictionary<string, string> settings, out HashSet<string> flags, out string problem)
    {
        settings = new Dictionary<string, string>(StringComparer.Ordinal);
        flags = new HashSet<string>(StringComparer.Ordinal);
        problem = string.Empty;
        string[] switches = ["chap", "pap", "no-message-authenticator"];
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"unexpected argument '{args[i]}'";
                return false;
            }

            var name = args[i][2..];
            if (switches.Contains(name))
            {
                flags.Add(name);
            }
            else if (i + 1 < args.Count)
            {
                settings[name] = args[++i];
            }
            else
            {
                problem = $"--{name} needs a value";
                return false;
            }
        }

        return true;
    }

    private static bool TryBuild(
        Dictionary<string, string> settings,
        HashSet<string> flags,
        out HotspotSimulatorOptions options,
        out HotspotLogin login,
        out string problem)
    {
        options = null!;
        login = null!;
        problem = string.Empty;
        if (!settings.TryGetValue("server", out var serverText) || !IPAddress.TryParse(serverText, out var server))
        {
            problem = "--server must be the RADIUS server's IP address";
            return false;
        }

        if (!settings.TryGetValue("secret", out var secret) || secret.Length == 0)
        {
            problem = "--secret is required";
            return false;
        }

        if (!TryPort(settings, "auth-port", 1812, out var authPort, ref problem)
            || !TryPort(settings, "acct-port", 1813, out var acctPort, ref problem)
            || !TryPort(settings, "coa-port", 3799, out var coaPort, ref problem))
        {
            return false;
        }

        var local = IPAddress.Loopback;
        if (settings.TryGetValue("local-address", out var localText) && !IPAddress.TryParse(localText, out local))
        {
            problem = "--local-address must be an IP address";
            return false;
        }

        // Each run is a router that has just booted: a random boot symbol keeps its Acct-Session-Ids apart from the
        // previous run's, as a real reboot does (mikrotik.md §1.1).
        var boot = Random.Shared.Next(16);
        if (settings.TryGetValue("boot", out var bootText)
            && (!int.TryParse(bootText, NumberStyles.None, CultureInfo.InvariantCulture, out boot) || boot > 15))
        {
            problem = "--boot must be a number from 0 to 15";
            return false;
        }

        IPAddress? nasIp = null;
        if (settings.TryGetValue("nas-ip", out var nasText) && !IPAddress.TryParse(nasText, out nasIp))
        {
            problem = "--nas-ip must be an IP address";
            return false;
        }

        try
        {
            var deviceMac = settings.TryGetValue("device-mac", out var deviceText) ? MacAddresses.Normalize(deviceText) : MacAddresses.Random();
            if (settings.TryGetValue("mac", out var macText))
            {
                login = HotspotLogin.MacLogin(MacAddresses.Normalize(macText));
            }
            else if (settings.TryGetValue("voucher", out var voucher))
            {
                login = flags.Contains("pap") ? HotspotLogin.Pap(voucher, deviceMac) : HotspotLogin.Chap(voucher, deviceMac);
            }
            else
            {
                problem = "give --voucher CODE or --mac MAC";
                return false;
            }
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
            return false;
        }

        options = new HotspotSimulatorOptions
        {
            AuthServer = new IPEndPoint(server!, authPort),
            AcctServer = new IPEndPoint(server!, acctPort),
            Secret = secret,
            Identity = settings.GetValueOrDefault("identity", "MikroTik"),
            LocalAddress = local!,
            NasIpAddress = nasIp,
            CoaPort = coaPort,
            BootCounter = boot,
            SendMessageAuthenticator = !flags.Contains("no-message-authenticator"),
        };
        return true;
    }

    private static bool TryPort(Dictionary<string, string> settings, string name, int fallback, out int port, ref string problem)
    {
        port = fallback;
        if (settings.TryGetValue(name, out var text)
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > IPEndPoint.MaxPort))
        {
            problem = $"--{name} must be a port number";
            return false;
        }

        return true;
    }

    private static int UsageError(string problem)
    {
        Console.Error.WriteLine($"hotspot: {problem}");
        Console.Error.WriteLine(UsageText);
        return 2;
    }
}
