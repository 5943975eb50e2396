using System.Collections.Concurrent;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;
using WifiBilling.Radius.Vendors;

namespace WifiBilling.Radius.Tests.Support;

/// <summary>
/// A throwaway access policy: known user/password pairs get an Accept shaped like the billing reply (Session-Timeout,
/// Acct-Interim-Interval, Mikrotik-Rate-Limit, Class); anything else a Reject. Users can be held at a gate, answered
/// with nothing, or made to throw.
/// </summary>
public sealed class TestAccessHandler : IAccessRequestHandler
{
    public const string RejectMessage = "Voucher not valid";

    private readonly ConcurrentDictionary<string, int> _calls = new();

    public ConcurrentDictionary<string, string> Passwords { get; } = new(StringComparer.Ordinal)
    {
        ["alice"] = "wonderland",
        ["thepumper"] = "pumpkin42",
        ["K7M2Q9DX"] = "K7M2Q9DX",
    };

    /// <summary>Requests of these users wait until the gate is completed.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    /// <summary>Users whose requests are deliberately not answered.</summary>
    public ConcurrentDictionary<string, bool> Silent { get; } = new();

    /// <summary>Users whose first request throws.</summary>
    public ConcurrentDictionary<string, bool> ThrowOnce { get; } = new();

    public int Calls(string user) => _calls.TryGetValue(user, out var count) ? count : 0;

    public async ValueTask<RadiusPacket?> HandleAccessRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken)
    {
        var user = context.UserName ?? string.Empty;
        _calls.AddOrUpdate(user, 1, (_, n) => n + 1);
        if (Gates.TryGetValue(user, out var gate))
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (ThrowOnce.TryRemove(user, out _))
        {
            throw new InvalidOperationException("simulated store outage");
        }

        if (Silent.ContainsKey(user))
        {
            return null;
        }

        if (Passwords.TryGetValue(user, out var password) && context.VerifyPassword(password))
        {
            return context.CreateResponse(RadiusCode.AccessAccept)
                .AddUInt32(RadiusAttributeType.SessionTimeout, 3600)
                .AddUInt32(RadiusAttributeType.AcctInterimInterval, 300)
                .Add(Mikrotik.RateLimit(512_000, 2_000_000))
                .AddString(RadiusAttributeType.Class, "plan-1h");
        }

        return context.CreateResponse(RadiusCode.AccessReject).AddString(RadiusAttributeType.ReplyMessage, RejectMessage);
    }
}
