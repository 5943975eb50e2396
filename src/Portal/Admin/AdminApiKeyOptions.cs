using System.ComponentModel.DataAnnotations;

namespace WifiBilling.Portal.Admin;

/// <summary>Where the admin API key comes from: ADMIN_API_KEY, else a key generated on first start.</summary>
public sealed class AdminApiKeyOptions
{
    /// <summary>The key itself (environment ADMIN_API_KEY). At least 16 characters when set.</summary>
    [MinLength(16, ErrorMessage = "ADMIN_API_KEY must be at least 16 characters long.")]
    public string? Key { get; set; }

    /// <summary>Folder that keeps the SHA-256 of a generated key (Portal:DataDirectory, default ./data).</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";
}
