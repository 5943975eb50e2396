using System.Collections.Concurrent;
using System.Net;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Simulators.Tests.Load.Support;

/// <summary>
/// Accepts a login whose User-Name is a known voucher and whose password (PAP) or CHAP-Password proves it; rejects
/// anything else; never answers the vouchers in <see cref="Silent"/>. Records who asked, from where.
/// </summary>
public sealed class VoucherAccessHandler(IEnumerable<string> vouchers) : IAccessRequestHandler
{
    private readonly HashSet<string> _vouchers = new(vouchers, StringComparer.Ordinal);

    public ConcurrentDictionary<string, bool> Silent { get; } = new(StringComparer.Ordinal);

    /// <summary>Every decision: the voucher, the router, CHAP or PAP, and the Request Authenticator (hex) that identifies the request.</summary>
    public ConcurrentQueue<(string? User, IPAddress Source, bool Chap, string Authenticator)> Calls { get; } = new();

    public ValueTask<RadiusPacket?> HandleAccessRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.UserName;
        var chap = context.Request.Contains(RadiusAttributeType.ChapPassword);
        Calls.Enqueue((user, context.RemoteEndPoint.Address, chap, Convert.ToHexString(context.Request.Authenticator.Span)));
        if (user is not null && Silent.ContainsKey(user))
        {
            return ValueTask.FromResult<RadiusPacket?>(null);
        }

        var known = user is not null && _vouchers.Contains(user) && context.VerifyPassword(user);
        var reply = known
            ? context.CreateResponse(RadiusCode.AccessAccept).AddUInt32(RadiusAttributeType.SessionTimeout, 3600)
            : context.CreateResponse(RadiusCode.AccessReject);
        return ValueTask.FromResult<RadiusPacket?>(reply);
    }
}
