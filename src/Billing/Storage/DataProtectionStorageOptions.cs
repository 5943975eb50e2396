namespace WifiBilling.Billing.Storage;

/// <summary>
/// Configuration section <c>Storage:DataProtection</c>: where the Data Protection key ring (which encrypts router
/// secrets) is kept. Empty: beside the SQLite file (<c>&lt;data dir&gt;/keys</c>), or in the MongoDB database when
/// MongoDB is the store, so every instance shares it and the first run needs no setup.
/// </summary>
public sealed class DataProtectionStorageOptions
{
    public const string SectionName = "Storage:DataProtection";

    public string? KeysPath { get; set; }
}
