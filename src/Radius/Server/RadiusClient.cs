using System.Text;

namespace WifiBilling.Radius.Server;

/// <summary>
/// A NAS (router) allowed to talk to this server, with its shared secret. <see cref="Id"/> is an opaque tag the
/// caller uses to find its own record (e.g. the billing router id). The secret never appears in <see cref="ToString"/>.
/// </summary>
public sealed class RadiusClient
{
    private readonly byte[] _secret;

    public RadiusClient(string name, ReadOnlySpan<byte> secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (secret.IsEmpty)
        {
            throw new ArgumentException("A RADIUS shared secret must not be empty (RFC 2865 §3).", nameof(secret));
        }

        Name = name;
        _secret = secret.ToArray();
    }

    public RadiusClient(string name, string secret)
        : this(name, Encoding.UTF8.GetBytes(secret ?? throw new ArgumentNullException(nameof(secret))))
    {
    }

    public string Name { get; }

    /// <summary>The caller's identifier for this NAS (e.g. a router id); not used by the server.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// Drop Access-Requests (and Status-Server) without a valid Message-Authenticator (BlastRADIUS, CVE-2024-3596).
    /// RouterOS ≥ 7.15 always sends one; enable it per router once it runs such a version. Accounting-Requests are
    /// exempt: RouterOS sends none there, and their keyed Request Authenticator already proves the secret.
    /// </summary>
    public bool RequireMessageAuthenticator { get; init; }

    public ReadOnlyMemory<byte> Secret => _secret;

    public override string ToString() => Id is null ? Name : $"{Name} ({Id})";
}
