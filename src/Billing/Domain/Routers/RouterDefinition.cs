namespace WifiBilling.Billing.Domain.Routers;

/// <summary>
/// What an operator sets on a router (a RADIUS client). A router is found by its source <see cref="Address"/>
/// (IP or CIDR) or, behind NAT, by <see cref="NasIdentifier"/> (its <c>/system identity</c>); the shared secret is
/// passed separately because it is never read back.
/// </summary>
public sealed record RouterDefinition(
    string Name,
    string? NasIdentifier = null,
    string? Address = null,
    int CoaPort = RouterDefinition.DefaultCoaPort,
    bool RequireMessageAuthenticator = true,
    string? Site = null,
    bool Enabled = true)
{
    /// <summary>RFC 5176 port; set it explicitly on the router too (<c>/radius incoming set port=3799</c>).</summary>
    public const int DefaultCoaPort = 3799;

    public const int MaxTextLength = 64;

    /// <summary>RADIUS secrets have no protocol limit; keep them sane for storage and for RouterOS.</summary>
    public const int MaxSecretLength = 128;

    internal RouterAddress? Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxTextLength)
        {
            throw new BillingValidationException("name", $"must be 1 to {MaxTextLength} characters");
        }

        if (NasIdentifier is not null && (NasIdentifier.Trim().Length is 0 or > 253 || NasIdentifier.Any(char.IsControl)))
        {
            // RFC 2865 §5.32: NAS-Identifier is 1 to 253 octets of text.
            throw new BillingValidationException("nasIdentifier", "must be 1 to 253 printable characters, or empty");
        }

        var address = string.IsNullOrWhiteSpace(Address) ? null : RouterAddress.Parse(Address);
        if (address is null && string.IsNullOrWhiteSpace(NasIdentifier))
        {
            throw new BillingValidationException("address", "is required unless the router is identified by its NAS-Identifier");
        }

        if (address is null && !RequireMessageAuthenticator)
        {
            // A NAS-Identifier is just a packet attribute; only a valid Message-Authenticator proves who sent it.
            throw new BillingValidationException(
                "requireMessageAuthenticator",
                "must be true for a router identified only by its NAS-Identifier");
        }

        if (CoaPort is < 1 or > 65535)
        {
            throw new BillingValidationException("coaPort", "must be a UDP port from 1 to 65535");
        }

        if (Site is not null && Site.Trim().Length > MaxTextLength)
        {
            throw new BillingValidationException("site", $"must be at most {MaxTextLength} characters");
        }

        return address;
    }

    internal static void ValidateSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > MaxSecretLength || secret.Any(char.IsControl))
        {
            throw new BillingValidationException("sharedSecret", $"must be 1 to {MaxSecretLength} printable characters");
        }
    }
}
