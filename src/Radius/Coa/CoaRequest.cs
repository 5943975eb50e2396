using System.Net;
using System.Text;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Coa;

/// <summary>
/// A Disconnect-Request (40) or CoA-Request (43) for one NAS. Identify the session the way RouterOS needs it:
/// User-Name, Acct-Session-Id, Framed-IP-Address and NAS-IP-Address (shared/reference/mikrotik.md §4.2).
/// </summary>
public sealed record CoaRequest
{
    public CoaRequest(RadiusCode code, IPAddress nasAddress, ReadOnlyMemory<byte> secret, IReadOnlyList<RadiusAttribute> attributes)
    {
        if (code is not (RadiusCode.DisconnectRequest or RadiusCode.CoaRequest))
        {
            throw new ArgumentException("A CoA client sends Disconnect-Request or CoA-Request.", nameof(code));
        }

        if (secret.IsEmpty)
        {
            throw new ArgumentException("The shared secret must not be empty.", nameof(secret));
        }

        Code = code;
        NasAddress = nasAddress ?? throw new ArgumentNullException(nameof(nasAddress));
        Secret = secret;
        Attributes = attributes ?? throw new ArgumentNullException(nameof(attributes));
    }

    public RadiusCode Code { get; }

    public IPAddress NasAddress { get; }

    public ReadOnlyMemory<byte> Secret { get; }

    public IReadOnlyList<RadiusAttribute> Attributes { get; }

    /// <summary>The NAS's CoA port; null uses <see cref="RadiusCoaClientOptions.DefaultPort"/> (3799).</summary>
    public int? Port { get; init; }

    /// <summary>Overrides <see cref="RadiusCoaClientOptions.Timeout"/> for this request.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Overrides <see cref="RadiusCoaClientOptions.Retries"/> for this request.</summary>
    public int? Retries { get; init; }

    public static CoaRequest Disconnect(IPAddress nasAddress, string secret, params RadiusAttribute[] attributes) =>
        new(RadiusCode.DisconnectRequest, nasAddress, Encoding.UTF8.GetBytes(secret), attributes);

    public static CoaRequest ChangeOfAuthorization(IPAddress nasAddress, string secret, params RadiusAttribute[] attributes) =>
        new(RadiusCode.CoaRequest, nasAddress, Encoding.UTF8.GetBytes(secret), attributes);
}
