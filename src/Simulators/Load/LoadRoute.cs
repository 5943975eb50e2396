namespace WifiBilling.Simulators.Load;

/// <summary>
/// Where request number <c>j</c> of a phase goes: its router, and its position in that router's own sequence. The
/// position picks the source port and the Identifier (256 per port, used in turn), so a router's Identifiers come
/// round again only after 256 × ports of its requests, and never while the request that last used one is
/// outstanding (the runner waits for the slot). Accounting follows the session: a session's Start, interims and Stop
/// all come from the router that started it.
/// </summary>
internal readonly struct LoadRoute
{
    private readonly LoadKind _kind;
    private readonly int _routers;
    private readonly int _ports;
    private readonly int _sessions;

    public LoadRoute(LoadKind kind, int routers, int portsPerRouter, int sessions)
    {
        _kind = kind;
        _routers = routers;
        _ports = portsPerRouter;
        _sessions = Math.Max(1, sessions);
    }

    /// <summary>Slots (port × Identifier) over all routers.</summary>
    public int SlotCount => _routers * _ports * 256;

    /// <summary>Interim: request j reports round j / sessions of session j % sessions. Others: request j is session j.</summary>
    public int SessionOf(int request) => _kind == LoadKind.Interim ? request % _sessions : request;

    public int RoundOf(int request) => _kind == LoadKind.Interim ? request / _sessions : 0;

    public int RouterOf(int request) => SessionOf(request) % _routers;

    /// <summary>The request's place in its router's sequence: increasing with j for every router.</summary>
    public int PositionOf(int request)
    {
        var session = SessionOf(request);
        if (_kind != LoadKind.Interim)
        {
            return session / _routers;
        }

        var router = session % _routers;
        var sessionsOnRouter = (_sessions / _routers) + (router < _sessions % _routers ? 1 : 0);
        return (RoundOf(request) * sessionsOnRouter) + (session / _routers);
    }

    /// <summary>Index of the router's source port (its socket) over all routers.</summary>
    public int SocketOf(int request) => (RouterOf(request) * _ports) + (PositionOf(request) % _ports);

    public byte IdentifierOf(int request) => (byte)(PositionOf(request) / _ports);

    public int SlotOf(int request) => (SocketOf(request) * 256) + IdentifierOf(request);
}
