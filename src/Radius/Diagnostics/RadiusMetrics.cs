using System.Diagnostics;
using System.Diagnostics.Metrics;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius.Diagnostics;

/// <summary>
/// Instruments of the meter "WifiBilling.Radius" (System.Diagnostics.Metrics; the Portal exports them):
/// <c>radius.server.requests</c> (tags radius.code, radius.result = accepted|rejected|challenged|answered|no_reply|dropped,
/// radius.drop_reason), <c>radius.server.access.duration</c> (seconds in the access handler) and
/// <c>radius.coa.requests</c> (radius.code, radius.coa.outcome = ack|nak|timeout).
/// </summary>
public sealed class RadiusMetrics : IDisposable
{
    public const string MeterName = "WifiBilling.Radius";

    private readonly bool _ownsMeter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _accessDuration;
    private readonly Counter<long> _coaRequests;

    /// <summary>Creates the meter through the host's factory (one per service provider).</summary>
    public RadiusMetrics(IMeterFactory meterFactory)
        : this(meterFactory?.Create(MeterName) ?? throw new ArgumentNullException(nameof(meterFactory)), ownsMeter: false)
    {
    }

    /// <summary>A standalone meter, for use without dependency injection.</summary>
    public RadiusMetrics()
        : this(new Meter(MeterName), ownsMeter: true)
    {
    }

    private RadiusMetrics(Meter meter, bool ownsMeter)
    {
        Meter = meter;
        _ownsMeter = ownsMeter;
        _requests = meter.CreateCounter<long>("radius.server.requests", "{request}", "RADIUS requests received, by code and result");
        _accessDuration = meter.CreateHistogram<double>("radius.server.access.duration", "s", "Time the access handler took to decide an Access-Request");
        _coaRequests = meter.CreateCounter<long>("radius.coa.requests", "{request}", "CoA and Disconnect requests sent, by outcome");
    }

    public Meter Meter { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    internal void RequestAnswered(RadiusCode requestCode, RadiusCode responseCode)
    {
        var result = responseCode switch
        {
            RadiusCode.AccessAccept => "accepted",
            RadiusCode.AccessReject => "rejected",
            RadiusCode.AccessChallenge => "challenged",
            _ => "answered",
        };
        _requests.Add(1, new TagList { { "radius.code", CodeName(requestCode) }, { "radius.result", result } });
    }

    internal void RequestNotAnswered(RadiusCode requestCode) =>
        _requests.Add(1, new TagList { { "radius.code", CodeName(requestCode) }, { "radius.result", "no_reply" } });

    internal void RequestDropped(RadiusCode? requestCode, RadiusDropReason reason) =>
        _requests.Add(1, new TagList
        {
            { "radius.code", requestCode is { } code ? CodeName(code) : "unknown" },
            { "radius.result", "dropped" },
            { "radius.drop_reason", DropReasonName(reason) },
        });

    internal void AccessHandled(TimeSpan elapsed) => _accessDuration.Record(elapsed.TotalSeconds);

    internal void CoaCompleted(RadiusCode requestCode, CoaOutcome outcome) =>
        _coaRequests.Add(1, new TagList
        {
            { "radius.code", CodeName(requestCode) },
            { "radius.coa.outcome", outcome switch { CoaOutcome.Ack => "ack", CoaOutcome.Nak => "nak", _ => "timeout" } },
        });

    /// <summary>Dictionary names of the codes (constant strings: tagging allocates nothing).</summary>
    internal static string CodeName(RadiusCode code) => code switch
    {
        RadiusCode.AccessRequest => "Access-Request",
        RadiusCode.AccessAccept => "Access-Accept",
        RadiusCode.AccessReject => "Access-Reject",
        RadiusCode.AccountingRequest => "Accounting-Request",
        RadiusCode.AccountingResponse => "Accounting-Response",
        RadiusCode.AccessChallenge => "Access-Challenge",
        RadiusCode.StatusServer => "Status-Server",
        RadiusCode.StatusClient => "Status-Client",
        RadiusCode.DisconnectRequest => "Disconnect-Request",
        RadiusCode.DisconnectAck => "Disconnect-ACK",
        RadiusCode.DisconnectNak => "Disconnect-NAK",
        RadiusCode.CoaRequest => "CoA-Request",
        RadiusCode.CoaAck => "CoA-ACK",
        RadiusCode.CoaNak => "CoA-NAK",
        _ => "unknown",
    };

    internal static string DropReasonName(RadiusDropReason reason) => reason switch
    {
        RadiusDropReason.Malformed => "malformed",
        RadiusDropReason.UnexpectedCode => "unexpected_code",
        RadiusDropReason.UnknownClient => "unknown_client",
        RadiusDropReason.BadAuthenticator => "bad_authenticator",
        RadiusDropReason.MissingMessageAuthenticator => "missing_message_authenticator",
        RadiusDropReason.BadMessageAuthenticator => "bad_message_authenticator",
        RadiusDropReason.DuplicateInProgress => "duplicate_in_progress",
        RadiusDropReason.QueueFull => "queue_full",
        RadiusDropReason.NoHandler => "no_handler",
        RadiusDropReason.HandlerFailed => "handler_failed",
        _ => "invalid_reply",
    };
}
