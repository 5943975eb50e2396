using System.Collections.Concurrent;
using System.Net;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Simulators.Tests.Load.Support;

/// <summary>Records each Accounting-Request's router (source address), Acct-Status-Type and Acct-Session-Id, and acknowledges it.</summary>
public sealed class RecordingAccountingHandler : IAccountingRequestHandler
{
    public ConcurrentQueue<(IPAddress Router, uint Status, string? SessionId)> Recorded { get; } = new();

    public ValueTask<bool> HandleAccountingRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        Recorded.Enqueue((context.RemoteEndPoint.Address, request.GetUInt32(RadiusAttributeType.AcctStatusType) ?? 0, request.GetString(RadiusAttributeType.AcctSessionId)));
        return ValueTask.FromResult(true);
    }
}
