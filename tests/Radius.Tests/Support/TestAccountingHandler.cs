using System.Collections.Concurrent;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius.Tests.Support;

/// <summary>Records Accounting-Requests; sessions whose Acct-Session-Id starts with "fail" are not durable the first time.</summary>
public sealed class TestAccountingHandler : IAccountingRequestHandler
{
    private readonly ConcurrentDictionary<string, int> _attempts = new();

    public ConcurrentQueue<RadiusRequestContext> Recorded { get; } = new();

    public int Attempts(string sessionId) => _attempts.TryGetValue(sessionId, out var count) ? count : 0;

    public ValueTask<bool> HandleAccountingRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken)
    {
        var sessionId = context.Request.GetString(RadiusAttributeType.AcctSessionId) ?? string.Empty;
        var attempt = _attempts.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
        if (sessionId.StartsWith("fail", StringComparison.Ordinal) && attempt == 1)
        {
            return ValueTask.FromResult(false);
        }

        Recorded.Enqueue(context);
        return ValueTask.FromResult(true);
    }
}
