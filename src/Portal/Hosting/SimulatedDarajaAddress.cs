using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Demo mode: the Portal talks to the Daraja simulator it hosts itself, and the simulator posts callbacks back to the
/// Portal, so both need the Portal's own address. That is <c>Daraja:CallbackBaseUrl</c> when set, else the first
/// address Kestrel listens on, known only after start (wildcards 0.0.0.0, [::], +, * and localhost → 127.0.0.1).
/// </summary>
public sealed class SimulatedDarajaAddress(IServer server, IOptions<DarajaOptions> daraja) : IPaymentCallbackBaseUrl
{
    private static readonly string[] s_wildcardHosts = ["0.0.0.0", "[::]", "::", "+", "*", "localhost"];

    /// <summary>Where the simulated Daraja API answers (ends with '/').</summary>
    public Uri DarajaBaseAddress => new(new Uri(Resolve().AbsoluteUri.TrimEnd('/') + "/"), PortalPaymentsExtensions.SimulatorPrefix.Trim('/') + "/");

    public Uri Resolve() => daraja.Value.CallbackBaseUrl ?? FromServer();

    private Uri FromServer()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null)
        {
            throw new InvalidOperationException(
                "The Portal's own address is not known yet (the server has not started); set Daraja:CallbackBaseUrl to give it.");
        }

        return new Uri(Loopback(address));
    }

    /// <summary>"http://0.0.0.0:8080" → "http://127.0.0.1:8080": a wildcard is where we listen, not where to connect.</summary>
    internal static string Loopback(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return address;
        }

        var authorityStart = schemeEnd + 3;
        var pathStart = address.IndexOf('/', authorityStart);
        var authority = pathStart < 0 ? address[authorityStart..] : address[authorityStart..pathStart];
        var portStart = authority.LastIndexOf(':');
        var host = portStart > 0 && !authority.EndsWith(']') ? authority[..portStart] : authority;
        var port = host.Length < authority.Length ? authority[host.Length..] : string.Empty;
        if (!s_wildcardHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return address;
        }

        return string.Concat(address.AsSpan(0, authorityStart), "127.0.0.1", port, pathStart < 0 ? string.Empty : address[pathStart..]);
    }
}
