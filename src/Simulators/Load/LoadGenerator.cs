using System.Diagnostics;

namespace WifiBilling.Simulators.Load;

/// <summary>
/// Runs a load test: prepares each phase's requests, then sends them from the virtual routers (see
/// <see cref="LoadPhaseRunner"/>). Interim and Stop first start their sessions in a setup phase; logins do a setup
/// pass over every voucher when asked (first logins activate vouchers and bind devices, later ones only read).
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadReport> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        var routers = VirtualRouter.CreateAll(settings);
        var factory = new LoadPacketFactory(settings, routers, TimeProvider.System);
        var phases = new List<LoadPhaseResult>();
        var sessions = settings.EffectiveSessions;
        if (settings.Kind is LoadKind.Interim or LoadKind.Stop)
        {
            phases.Add(await RunPhaseAsync("setup", LoadKind.Start, sessions, sessions, closedLoop: true).ConfigureAwait(false));
        }
        else if (settings.SetupPass)
        {
            var count = settings.Kind == LoadKind.Start ? settings.Requests : Math.Max(1, settings.Vouchers.Count);
            phases.Add(await RunPhaseAsync("setup", settings.Kind, count, count, closedLoop: true).ConfigureAwait(false));
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            phases.Add(await RunPhaseAsync("measured", settings.Kind, settings.Requests, sessions, closedLoop: settings.Rate is null).ConfigureAwait(false));
        }

        var memory = settings.ServerProcessId is { } pid ? ProcessMemory.TryRead(pid) : null;
        return new LoadReport(settings.Label, phases, memory);

        Task<LoadPhaseResult> RunPhaseAsync(string name, LoadKind kind, int count, int sessionCount, bool closedLoop) =>
            Task.Run(
                () =>
                {
                    var route = new LoadRoute(kind, settings.Routers, settings.PortsPerRouter, sessionCount);
                    var started = Stopwatch.GetTimestamp();
                    var packets = factory.Build(kind, count, route);
                    var prepared = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    using var runner = new LoadPhaseRunner(settings, routers, kind, packets, route, closedLoop);
                    return runner.Run(name, kind, prepared, cancellationToken);
                },
                CancellationToken.None);
    }
}
