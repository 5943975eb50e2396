using Microsoft.AspNetCore.DataProtection;
using WifiBilling.Billing.Domain.Routers;

namespace WifiBilling.Billing.Routers;

/// <summary>
/// Router shared secrets encrypted with ASP.NET Core Data Protection (authenticated encryption; keys rotate and old
/// keys keep decrypting). A copy of the database alone does not reveal the secrets; the key ring is needed too.
/// </summary>
public sealed class DataProtectionRouterSecretProtector(IDataProtectionProvider provider) : IRouterSecretProtector
{
    /// <summary>The purpose string isolates these ciphertexts from every other use of the same key ring.</summary>
    public const string Purpose = "WifiBilling.Billing.Routers.SharedSecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string sharedSecret) => _protector.Protect(sharedSecret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
