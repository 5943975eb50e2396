using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WifiBilling.Portal.Admin;

/// <summary>
/// The admin API key, kept only as its SHA-256. A configured key (ADMIN_API_KEY) wins; otherwise a key is
/// generated on first start, printed once to the console (not to the log), and only its hash is stored.
/// </summary>
public sealed class AdminApiKey
{
    public const string HashFileName = "admin-api-key.sha256";

    private readonly byte[] _hash;

    public AdminApiKey(IOptions<AdminApiKeyOptions> options, ILogger<AdminApiKey> logger)
    {
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.Key))
        {
            _hash = Hash(settings.Key);
            Source = "ADMIN_API_KEY";
            return;
        }

        var hashFile = Path.Combine(settings.DataDirectory, HashFileName);
        if (File.Exists(hashFile))
        {
            _hash = Convert.FromHexString(File.ReadAllText(hashFile).Trim());
            Source = hashFile;
            return;
        }

        var key = Base64Url(RandomNumberGenerator.GetBytes(24));
        _hash = Hash(key);
        Directory.CreateDirectory(settings.DataDirectory);
        File.WriteAllText(hashFile, Convert.ToHexString(_hash));
        Source = hashFile;

        // Deliberately written to the console and not to the log: a secret must never reach a log sink.
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine(" Admin API key (shown once; keep it safe): " + key);
        Console.WriteLine(" Use it as 'Authorization: Bearer <key>' or to sign in at /admin.");
        Console.WriteLine(" Lost it? Delete " + hashFile + " and restart, or set ADMIN_API_KEY.");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
        logger.LogWarning("Generated a new admin API key and printed it to the console once; its hash is in {HashFile}", hashFile);
    }

    /// <summary>Where the key's hash came from (for the start-up log line).</summary>
    public string Source { get; }

    /// <summary>Constant-time check of a presented key.</summary>
    public bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(Hash(presented), _hash);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
