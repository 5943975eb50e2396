namespace WifiBilling.Billing.Domain.Routers;

/// <summary>Encrypts router shared secrets at rest (ASP.NET Core Data Protection in production).</summary>
public interface IRouterSecretProtector
{
    string Protect(string sharedSecret);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the key ring cannot decrypt it.</summary>
    string Unprotect(string protectedSecret);
}
