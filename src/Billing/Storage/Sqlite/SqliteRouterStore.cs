using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Routers;

namespace WifiBilling.Billing.Storage.Sqlite;

public sealed class SqliteRouterStore(
    SqliteDatabase database,
    IRouterSecretProtector secrets,
    TimeProvider time,
    ILogger<SqliteRouterStore> logger) : IRouterStore
{
    private const string Columns =
        "id, name, nas_identifier, address, coa_port, require_message_authenticator, site, enabled, created_at, updated_at, " +
        "version, protected_secret";

    private const string BumpVersion = "UPDATE store_meta SET value = value + 1 WHERE key = 'routers_version'";

    public Task<Router> CreateAsync(RouterDefinition definition, string sharedSecret, CancellationToken cancellationToken)
    {
        RouterDefinition.ValidateSecret(sharedSecret);
        var router = Router.Create(BillingIds.NewRouterId(), definition, time.GetUtcNow());
        var protectedSecret = secrets.Protect(sharedSecret);
        return database.WriteAsync(
            db =>
            {
                EnsureUnique(db, router);
                Bind(db.Command("INSERT INTO routers (" + Columns + ") VALUES ($id, $name, $nas_identifier, $address, $coa_port, " +
                        "$require_message_authenticator, $site, $enabled, $created_at, $updated_at, $version, $protected_secret)"), router)
                    .Bind("$created_at", SqliteValues.ToDb(router.CreatedAt))
                    .Bind("$protected_secret", protectedSecret)
                    .ExecuteNonQuery();
                db.Execute(BumpVersion);
                return router;
            },
            cancellationToken);
    }

    public Task<Router?> FindAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(db => Find(db, id)?.Router, cancellationToken);

    public Task<IReadOnlyList<Router>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Router>>(
            db => db.Command("SELECT " + Columns + " FROM routers ORDER BY name, id").ReadAll(r => Read(r).Router),
            cancellationToken);

    public Task<Router?> UpdateAsync(string id, RouterDefinition definition, string? newSharedSecret, CancellationToken cancellationToken)
    {
        if (newSharedSecret is not null)
        {
            RouterDefinition.ValidateSecret(newSharedSecret);
        }

        var protectedSecret = newSharedSecret is null ? null : secrets.Protect(newSharedSecret);
        var now = time.GetUtcNow();
        return database.WriteAsync(
            db =>
            {
                var stored = Find(db, id);
                if (stored is null)
                {
                    return null;
                }

                var (router, currentSecret) = stored.Value;
                var expected = router.Version;
                router.Redefine(definition, now);
                EnsureUnique(db, router);
                Bind(db.Command("""
                        UPDATE routers SET name = $name, nas_identifier = $nas_identifier, address = $address,
                            coa_port = $coa_port, require_message_authenticator = $require_message_authenticator,
                            site = $site, enabled = $enabled, updated_at = $updated_at, version = $version,
                            protected_secret = $protected_secret
                        WHERE id = $id AND version = $expected_version
                        """), router)
                    .Bind("$protected_secret", protectedSecret ?? currentSecret)
                    .Bind("$expected_version", expected)
                    .ExpectOneRow("router " + router.Id);
                db.Execute(BumpVersion);
                return router;
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            db =>
            {
                var deleted = db.Command("DELETE FROM routers WHERE id = $id").Bind("$id", id).ExecuteNonQuery() == 1;
                if (deleted)
                {
                    db.Execute(BumpVersion);
                }

                return deleted;
            },
            cancellationToken);

    public Task<long> GetChangeVersionAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(ReadVersion, cancellationToken);

    public Task<RouterRegistrySnapshot> GetRegistrySnapshotAsync(CancellationToken cancellationToken)
    {
        // Version and rows from one read transaction (one WAL snapshot), so they always belong together.
        var (version, rows) = database.Read(db =>
        {
            db.Execute("BEGIN");
            try
            {
                return (ReadVersion(db), db.Command("SELECT " + Columns + " FROM routers WHERE enabled = 1 ORDER BY id").ReadAll(Read));
            }
            finally
            {
                db.Execute("COMMIT");
            }
        });

        var routers = new List<RouterCredentials>(rows.Count);
        foreach (var (router, protectedSecret) in rows)
        {
            try
            {
                routers.Add(new RouterCredentials(router, secrets.Unprotect(protectedSecret)));
            }
            catch (CryptographicException ex)
            {
                // Lost or foreign key ring: this router cannot be served until its secret is set again.
                logger.LogError(ex, "Cannot decrypt the shared secret of router {RouterId} ({RouterName}); its RADIUS packets will be dropped until the secret is set again", router.Id, router.Name);
            }
        }

        return Task.FromResult(new RouterRegistrySnapshot(version, routers));
    }

    private static long ReadVersion(SqliteCommandCache db) =>
        db.Command("SELECT value FROM store_meta WHERE key = 'routers_version'").Scalar();

    private static (Router Router, string ProtectedSecret)? Find(SqliteCommandCache db, string id)
    {
        var rows = db.Command("SELECT " + Columns + " FROM routers WHERE id = $id").Bind("$id", id).ReadAll(Read);
        return rows.Count == 0 ? null : rows[0];
    }

    private static void EnsureUnique(SqliteCommandCache db, Router router)
    {
        if (router.NasIdentifier is not null
            && db.Command("SELECT COUNT(*) FROM routers WHERE nas_identifier = $value AND id <> $id")
                .Bind("$value", router.NasIdentifier).Bind("$id", router.Id).Scalar() != 0)
        {
            throw new BillingValidationException("nasIdentifier", $"'{router.NasIdentifier}' is already used by another router");
        }

        if (router.Address is not null
            && db.Command("SELECT COUNT(*) FROM routers WHERE address = $value AND id <> $id")
                .Bind("$value", router.Address.Value).Bind("$id", router.Id).Scalar() != 0)
        {
            throw new BillingValidationException("address", $"{router.Address} is already used by another router");
        }
    }

    private static SqliteCommand Bind(SqliteCommand command, Router router) =>
        command
            .Bind("$id", router.Id)
            .Bind("$name", router.Name)
            .Bind("$nas_identifier", router.NasIdentifier)
            .Bind("$address", router.Address?.Value)
            .Bind("$coa_port", router.CoaPort)
            .Bind("$require_message_authenticator", SqliteValues.ToDb(router.RequireMessageAuthenticator))
            .Bind("$site", router.Site)
            .Bind("$enabled", SqliteValues.ToDb(router.Enabled))
            .Bind("$updated_at", SqliteValues.ToDb(router.UpdatedAt))
            .Bind("$version", router.Version);

    private static (Router Router, string ProtectedSecret) Read(SqliteDataReader r) =>
        (Router.Rehydrate(
                r.GetString(0),
                new RouterDefinition(
                    Name: r.GetString(1),
                    NasIdentifier: r.NullableString(2),
                    Address: r.NullableString(3),
                    CoaPort: r.GetInt32(4),
                    RequireMessageAuthenticator: r.Boolean(5),
                    Site: r.NullableString(6),
                    Enabled: r.Boolean(7)),
                hasSecret: !r.IsDBNull(11) && r.GetString(11).Length > 0,
                createdAt: r.Time(8),
                updatedAt: r.Time(9),
                version: r.GetInt64(10)),
            r.GetString(11));
}
