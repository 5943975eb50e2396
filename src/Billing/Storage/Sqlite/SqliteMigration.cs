namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>One schema step; applied once, in version order, in its own transaction.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
