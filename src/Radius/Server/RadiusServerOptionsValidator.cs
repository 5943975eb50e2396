using System.Net;
using Microsoft.Extensions.Options;

namespace WifiBilling.Radius.Server;

/// <summary>Checks what data annotations cannot: the bind address parses, and the two ports differ.</summary>
public sealed class RadiusServerOptionsValidator : IValidateOptions<RadiusServerOptions>
{
    public ValidateOptionsResult Validate(string? name, RadiusServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BindAddress) && !IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"Radius:BindAddress '{options.BindAddress}' is not an IP address.");
        }

        if (options.AuthPort != 0 && options.AuthPort == options.AcctPort)
        {
            failures.Add($"Radius:AuthPort and Radius:AcctPort are both {options.AuthPort}; they must differ.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
