using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace WifiBilling.Billing.Domain.Routers;

/// <summary>
/// Where a router's RADIUS packets come from: one IP address, or a CIDR network for routers that share a range
/// (e.g. a VPN pool). Stored in canonical form (<c>10.0.0.1</c>, <c>10.8.0.0/24</c>).
/// </summary>
public sealed record RouterAddress
{
    private RouterAddress(IPNetwork network) => Network = network;

    public IPNetwork Network { get; }

    /// <summary>True for a /32 (IPv4) or /128 (IPv6) network: one exact address.</summary>
    public bool IsSingleHost => Network.PrefixLength == Network.BaseAddress.GetAddressBytes().Length * 8;

    public string Value => IsSingleHost ? Network.BaseAddress.ToString() : Network.ToString();

    public static RouterAddress Parse(string? text, string field = "address") =>
        TryParse(text, out var address)
            ? address
            : throw new BillingValidationException(field, "must be an IP address (10.0.0.1) or a CIDR network with no host bits set (10.8.0.0/24)");

    public static bool TryParse(string? text, [NotNullWhen(true)] out RouterAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!trimmed.Contains('/', StringComparison.Ordinal))
        {
            if (!IPAddress.TryParse(trimmed, out var ip))
            {
                return false;
            }

            address = new RouterAddress(new IPNetwork(ip, ip.GetAddressBytes().Length * 8));
            return true;
        }

        // "10.0.0.1/24" is an error, not a guess: the typed address must be the network address itself.
        if (!IPNetwork.TryParse(trimmed, out var network)
            || !IPAddress.TryParse(trimmed.AsSpan(0, trimmed.IndexOf('/', StringComparison.Ordinal)), out var typed)
            || !typed.Equals(network.BaseAddress))
        {
            return false;
        }

        address = new RouterAddress(network);
        return true;
    }

    public bool Contains(IPAddress address) => Network.Contains(address);

    public override string ToString() => Value;
}
