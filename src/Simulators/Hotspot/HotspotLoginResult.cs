using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// What a login got: the reply (Access-Accept or -Reject, null when the server did not answer), its Reply-Messages,
/// and for an Accept the session (its accounting Start already sent).
/// </summary>
public sealed record HotspotLoginResult(RadiusPacket? Reply, HotspotSession? Session)
{
    public bool Accepted => Reply?.Code == RadiusCode.AccessAccept;

    public bool TimedOut => Reply is null;

    public IReadOnlyList<string> ReplyMessages =>
        Reply is null ? [] : Reply.GetAll(RadiusAttributeType.ReplyMessage).Select(a => a.AsString()).ToList();

    public uint? SessionTimeout => Reply?.GetUInt32(RadiusAttributeType.SessionTimeout);
}
