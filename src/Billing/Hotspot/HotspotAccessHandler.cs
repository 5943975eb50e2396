using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;
using WifiBilling.Radius.Vendors;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Decides hotspot Access-Requests. A voucher login has the code as User-Name (any case, O/0 and I/L/1 forgiven) and
/// as password, by PAP or CHAP. A MAC login (<c>login-by=mac</c>) has the device's MAC as User-Name in any
/// <c>radius-mac-format</c> and an empty or MAC password; it is accepted when a voucher with time left is bound to
/// that device. A code never looks like a MAC, so the two cannot be confused. The voucher store makes the decision in
/// one atomic step (activation on first use, device binding) with the checks in the customer's order: unknown,
/// revoked, expired, data used up, device limit, router not allowed.
/// <para>
/// An Access-Accept grants what is left and never more: Session-Timeout (seconds left), Acct-Interim-Interval
/// (always: RouterOS sends no interims otherwise), Idle-Timeout, Mikrotik-Rate-Limit, Mikrotik-Total-Limit(-Gigawords)
/// for the bytes left under a cap, and Class <c>wb1:&lt;code&gt;</c> so accounting finds the voucher (the server adds the
/// Message-Authenticator). An Access-Reject carries a Reply-Message for the customer; repeated rejects from one
/// device or router are held back a little (<see cref="BruteForceThrottle"/>).
/// </para>
/// </summary>
public sealed partial class HotspotAccessHandler(
    IVoucherStore vouchers,
    HotspotReplyMessages messages,
    BruteForceThrottle throttle,
    VoucherExpiryScheduler scheduler,
    HotspotMetrics metrics,
    IOptions<HotspotOptions> options,
    TimeProvider time,
    ILogger<HotspotAccessHandler> logger) : IAccessRequestHandler
{
    private readonly HotspotOptions _options = options.Value;

    public async ValueTask<RadiusPacket?> HandleAccessRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var login = new LoginAttempt(
            context,
            context.UserName ?? string.Empty,
            context.Client.Id ?? context.Client.Name,
            MacAddress.TryParse(context.Request.GetString(RadiusAttributeType.CallingStationId), out var device) ? device : null);

        return MacAddress.LooksLikeMac(login.UserName) && MacAddress.TryParse(login.UserName, out var mac)
            ? await MacLoginAsync(login, mac, cancellationToken).ConfigureAwait(false)
            : await VoucherLoginAsync(login, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RadiusPacket> VoucherLoginAsync(LoginAttempt login, CancellationToken cancellationToken)
    {
        if (!VoucherCode.TryParse(login.UserName, out var code) || !PasswordIsCode(login, code))
        {
            return await RejectAsync(login, HotspotRejectReason.UnknownVoucher, macLogin: false, countsAsGuess: true, cancellationToken).ConfigureAwait(false);
        }

        var admission = await vouchers.AdmitLoginAsync(new VoucherLogin(code.Value, login.Device, login.RouterId), cancellationToken).ConfigureAwait(false);
        return admission.Admitted
            ? Accept(login, admission.Voucher, macLogin: false)
            : await RejectAsync(login, (HotspotRejectReason)admission.Refusal, macLogin: false, countsAsGuess: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// RouterOS tries a MAC login for every new host before it shows the login page (mikrotik.md §1.2c), so an unknown
    /// device is the normal case: it is answered at once and not counted as a guess.
    /// </summary>
    private async Task<RadiusPacket> MacLoginAsync(LoginAttempt login, MacAddress mac, CancellationToken cancellationToken)
    {
        // RouterOS lets a MAC-shaped user name log in only from that MAC (HotSpot manual's error list); so do we.
        if (login.Device is not null && login.Device != mac)
        {
            return await RejectAsync(login, HotspotRejectReason.DeviceMismatch, macLogin: true, countsAsGuess: true, cancellationToken).ConfigureAwait(false);
        }

        if (!PasswordIsEmptyOrMac(login.Context, mac))
        {
            return await RejectAsync(login, HotspotRejectReason.NoVoucherForDevice, macLogin: true, countsAsGuess: false, cancellationToken).ConfigureAwait(false);
        }

        HotspotRejectReason? firstRefusal = null;
        foreach (var voucher in await vouchers.FindUsableByMacAsync(mac, cancellationToken).ConfigureAwait(false))
        {
            var admission = await vouchers.AdmitLoginAsync(new VoucherLogin(voucher.Code.Value, mac, login.RouterId), cancellationToken).ConfigureAwait(false);
            if (admission.Admitted)
            {
                return Accept(login, admission.Voucher, macLogin: true);
            }

            firstRefusal ??= (HotspotRejectReason)admission.Refusal;
        }

        return await RejectAsync(login, firstRefusal ?? HotspotRejectReason.NoVoucherForDevice, macLogin: true, countsAsGuess: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// PAP: the password read as a code must be the same code. CHAP: the hash covers exactly what the login page
    /// hashed (mikrotik.md §5.6), so try the canonical code and the User-Name as the customer typed it.
    /// </summary>
    private static bool PasswordIsCode(LoginAttempt login, VoucherCode code)
    {
        var context = login.Context;
        if (context.IsPap)
        {
            return context.TryGetPapPassword(out var password) && VoucherCode.TryParse(password, out var typed) && typed == code;
        }

        if (!context.IsChap)
        {
            return false;
        }

        // The canonical code first: it is what the login page sends almost always, and it costs no string.
        if (context.VerifyPassword(code.Value))
        {
            return true;
        }

        // Then what the customer typed, as typed and upper-cased, and the code lower-cased; each tried once.
        var asTyped = login.UserName;
        if (!IsSame(asTyped, code.Value) && context.VerifyPassword(asTyped))
        {
            return true;
        }

        var upper = asTyped.ToUpperInvariant();
        if (!IsSame(upper, code.Value) && !IsSame(upper, asTyped) && context.VerifyPassword(upper))
        {
            return true;
        }

        var lower = code.Value.ToLowerInvariant();
        return !IsSame(lower, code.Value) && !IsSame(lower, asTyped) && !IsSame(lower, upper) && context.VerifyPassword(lower);

        static bool IsSame(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>mac-auth-mode=mac-as-username</c> sends an empty password (16 NULs), <c>mac-as-username-and-password</c> the
    /// MAC again (mikrotik.md §1.2c).
    /// </summary>
    private static bool PasswordIsEmptyOrMac(RadiusRequestContext context, MacAddress mac)
    {
        if (context.IsPap)
        {
            return context.TryGetPapPassword(out var password)
                && (password.Length == 0 || (MacAddress.TryParse(password, out var typed) && typed == mac));
        }

        return context.IsChap && (context.VerifyPassword(string.Empty) || context.VerifyPassword(context.UserName ?? string.Empty));
    }

    private RadiusPacket Accept(LoginAttempt login, Voucher voucher, bool macLogin)
    {
        var now = time.GetUtcNow();
        var seconds = Math.Min(Math.Floor(voucher.RemainingTime(now).TotalSeconds), HotspotOptions.MaxSessionTimeoutSeconds);
        var reply = login.Context.CreateResponse(RadiusCode.AccessAccept)
            .AddUInt32(RadiusAttributeType.SessionTimeout, (uint)Math.Max(1, seconds))
            .AddUInt32(RadiusAttributeType.AcctInterimInterval, (uint)_options.InterimIntervalSeconds);
        if (_options.IdleTimeoutSeconds > 0)
        {
            reply.AddUInt32(RadiusAttributeType.IdleTimeout, (uint)_options.IdleTimeoutSeconds);
        }

        if (voucher.Plan.RateLimit is { } rateLimit)
        {
            // The plan's string as validated, bursts included: "rx/tx" is the customer's upload/download (mikrotik.md §2.3).
            reply.AddVendorString(Mikrotik.VendorId, MikrotikAttributeType.RateLimit, rateLimit.Value);
        }

        if (voucher.RemainingBytes is { } bytesLeft)
        {
            foreach (var limit in Mikrotik.TotalLimit((ulong)bytesLeft))
            {
                reply.Add(limit);
            }
        }

        reply.AddString(RadiusAttributeType.Class, VoucherClass.For(voucher.Code));
        scheduler.Watch(voucher);
        metrics.LoginDecided(macLogin, null);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Checked here: the masked code is a new string, and this runs for every login.
            LogAccepted(logger, macLogin ? "MAC" : "voucher", voucher.Code.Masked, login.RouterId, (uint)Math.Max(1, seconds));
        }
        return reply;
    }

    private async Task<RadiusPacket> RejectAsync(
        LoginAttempt login,
        HotspotRejectReason reason,
        bool macLogin,
        bool countsAsGuess,
        CancellationToken cancellationToken)
    {
        metrics.LoginDecided(macLogin, reason);
        if (reason == HotspotRejectReason.NoVoucherForDevice)
        {
            // RouterOS asks for every new device it sees: routine, and as frequent as devices come and go.
            LogUnknownDevice(logger, login.RouterId);
        }
        else
        {
            LogRejected(logger, macLogin ? "MAC" : "voucher", VoucherCode.Mask(login.UserName), login.RouterId, reason);
        }

        if (countsAsGuess)
        {
            var delay = throttle.RecordReject(login.Device?.Value, login.RouterId);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }

        return login.Context.CreateResponse(RadiusCode.AccessReject).AddString(RadiusAttributeType.ReplyMessage, messages.For(reason));
    }

    // Debug, not Information: a reboot storm is thousands of these a second, and a synchronous console line costs
    // more than deciding the login (docs/benchmarks.md); the hotspot.logins counter and the sessions table keep the record.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Accepted {Method} login for voucher {Voucher} on router {RouterId}: Session-Timeout {SessionTimeout} s")]
    private static partial void LogAccepted(ILogger logger, string method, string voucher, string routerId, uint sessionTimeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Method} login for {Voucher} on router {RouterId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, string voucher, string routerId, HotspotRejectReason reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected MAC login on router {RouterId}: no voucher for this device")]
    private static partial void LogUnknownDevice(ILogger logger, string routerId);

    private sealed record LoginAttempt(RadiusRequestContext Context, string UserName, string RouterId, MacAddress? Device);
}
