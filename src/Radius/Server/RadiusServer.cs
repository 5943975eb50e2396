using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Radius.Diagnostics;

namespace WifiBilling.Radius.Server;

/// <summary>
/// The RADIUS server: an authentication port (Access-Request, Status-Server) and an accounting port
/// (Accounting-Request, Status-Server), hosted as a <see cref="BackgroundService"/>. Sockets are bound in
/// <see cref="StartAsync"/>, so <see cref="AuthenticationEndPoint"/> and <see cref="AccountingEndPoint"/> are known
/// as soon as the host has started (port 0 in tests).
/// </summary>
public sealed partial class RadiusServer : BackgroundService
{
    private readonly RadiusServerOptions _options;
    private readonly IRadiusClientRegistry _registry;
    private readonly IAccessRequestHandler? _accessHandler;
    private readonly IAccountingRequestHandler? _accountingHandler;
    private readonly RadiusMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RadiusServer> _logger;
    private RadiusListener? _authentication;
    private RadiusListener? _accounting;

    public RadiusServer(
        IOptions<RadiusServerOptions> options,
        IRadiusClientRegistry registry,
        RadiusMetrics metrics,
        ILogger<RadiusServer> logger,
        TimeProvider? timeProvider = null,
        IAccessRequestHandler? accessHandler = null,
        IAccountingRequestHandler? accountingHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _accessHandler = accessHandler;
        _accountingHandler = accountingHandler;
    }

    /// <summary>The bound authentication endpoint (after start).</summary>
    public IPEndPoint AuthenticationEndPoint => _authentication?.LocalEndPoint ?? throw NotStarted();

    /// <summary>The bound accounting endpoint (after start).</summary>
    public IPEndPoint AccountingEndPoint => _accounting?.LocalEndPoint ?? throw NotStarted();

    public RadiusServerCounters Counters { get; } = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var bindAddress = string.IsNullOrWhiteSpace(_options.BindAddress) ? null : IPAddress.Parse(_options.BindAddress);
        _authentication = CreateListener(RadiusListenerKind.Authentication, bindAddress, _options.AuthPort);
        _accounting = CreateListener(RadiusListenerKind.Accounting, bindAddress, _options.AcctPort);
        LogListening(_logger, _authentication.LocalEndPoint, _accounting.LocalEndPoint);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _authentication?.Dispose();
        _accounting?.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_authentication!.RunAsync(stoppingToken), _accounting!.RunAsync(stoppingToken));

    /// <summary>
    /// No address: dual-mode IPv6 sockets that also receive IPv4 (IPv4 where the OS has no IPv6). "::" is dual-mode
    /// too; any other address binds to that address alone. Several sockets share the port with SO_REUSEPORT; with
    /// port 0 the first picks the port and the others join it.
    /// </summary>
    internal static Socket[] Bind(IPAddress? bindAddress, int port, int count, int receiveBufferSize)
    {
        var address = bindAddress ?? (Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any);
        var sockets = new List<Socket>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                sockets.Add(socket);
                if (address.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true;
                }

                if (receiveBufferSize > 0)
                {
                    socket.ReceiveBufferSize = receiveBufferSize;
                }

                if (count > 1)
                {
                    EnableReusePort(socket);
                }

                socket.Bind(new IPEndPoint(address, i == 0 ? port : ((IPEndPoint)sockets[0].LocalEndPoint!).Port));
            }

            return [.. sockets];
        }
        catch
        {
            sockets.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>SO_REUSEPORT (Linux: SOL_SOCKET 1, option 15): sockets of the same user share the port, the kernel balances them.</summary>
    private static void EnableReusePort(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Radius:SocketsPerPort above 1 needs SO_REUSEPORT as Linux has it.");
        }

        socket.SetRawSocketOption(1, 15, BitConverter.GetBytes(1));
    }

    private RadiusListener CreateListener(RadiusListenerKind kind, IPAddress? bindAddress, int port) =>
        new(kind, Bind(bindAddress, port, _options.SocketsPerPort, _options.ReceiveBufferSize), _options, _registry, _accessHandler, _accountingHandler,
            _metrics, Counters, _timeProvider, _logger);

    private static InvalidOperationException NotStarted() => new("The RADIUS server has not been started.");

    [LoggerMessage(Level = LogLevel.Information, Message = "RADIUS server listening: authentication on {AuthEndPoint}, accounting on {AcctEndPoint}")]
    private static partial void LogListening(ILogger logger, IPEndPoint authEndPoint, IPEndPoint acctEndPoint);
}
