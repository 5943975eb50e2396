namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// The schema, as ordered migrations. Never edit a released step: add a new one. Times are UTC Unix milliseconds,
/// money whole KES, enums their names. Tables are WITHOUT ROWID where the key is a natural string id.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "Plans, routers, vouchers, payments, C2B payments, sessions", """
            CREATE TABLE store_meta (
                key   TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO store_meta (key, value) VALUES ('routers_version', 0), ('plans_seeded', 0);

            CREATE TABLE plans (
                id                 TEXT PRIMARY KEY,
                name               TEXT NOT NULL,
                price_kes          INTEGER NOT NULL,
                duration_seconds   INTEGER NOT NULL,
                mode               TEXT NOT NULL,
                rate_limit         TEXT,
                data_cap_bytes     INTEGER,
                device_limit       INTEGER NOT NULL,
                active             INTEGER NOT NULL,
                sort_order         INTEGER NOT NULL,
                allowed_router_ids TEXT NOT NULL,
                created_at         INTEGER NOT NULL,
                updated_at         INTEGER NOT NULL,
                version            INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE routers (
                id                            TEXT PRIMARY KEY,
                name                          TEXT NOT NULL,
                nas_identifier                TEXT UNIQUE,
                address                       TEXT UNIQUE,
                protected_secret              TEXT NOT NULL,
                coa_port                      INTEGER NOT NULL,
                require_message_authenticator INTEGER NOT NULL,
                site                          TEXT,
                enabled                       INTEGER NOT NULL,
                created_at                    INTEGER NOT NULL,
                updated_at                    INTEGER NOT NULL,
                version                       INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE vouchers (
                code                    TEXT PRIMARY KEY,
                plan_id                 TEXT NOT NULL,
                plan_name               TEXT NOT NULL,
                plan_price_kes          INTEGER NOT NULL,
                plan_duration_seconds   INTEGER NOT NULL,
                plan_mode               TEXT NOT NULL,
                plan_rate_limit         TEXT,
                plan_data_cap_bytes     INTEGER,
                plan_device_limit       INTEGER NOT NULL,
                plan_allowed_router_ids TEXT NOT NULL,
                source                  TEXT NOT NULL,
                status                  TEXT NOT NULL,
                created_at              INTEGER NOT NULL,
                activated_at            INTEGER,
                expires_at              INTEGER,
                revoked_at              INTEGER,
                extra_seconds           INTEGER NOT NULL,
                used_seconds            INTEGER NOT NULL,
                used_bytes              INTEGER NOT NULL,
                bound_macs              TEXT NOT NULL,
                batch_id                TEXT,
                payment_id              TEXT UNIQUE,
                phone                   TEXT,
                note                    TEXT,
                version                 INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX ix_vouchers_created ON vouchers (created_at);
            CREATE INDEX ix_vouchers_status ON vouchers (status, created_at);
            CREATE INDEX ix_vouchers_plan ON vouchers (plan_id, created_at);
            CREATE INDEX ix_vouchers_batch ON vouchers (batch_id) WHERE batch_id IS NOT NULL;

            -- Which vouchers a device MAC is bound to (MAC login); mirrors vouchers.bound_macs.
            CREATE TABLE voucher_devices (
                mac  TEXT NOT NULL,
                code TEXT NOT NULL,
                PRIMARY KEY (mac, code)
            ) WITHOUT ROWID;

            CREATE TABLE payments (
                id                      TEXT PRIMARY KEY,
                plan_id                 TEXT NOT NULL,
                plan_name               TEXT NOT NULL,
                plan_price_kes          INTEGER NOT NULL,
                plan_duration_seconds   INTEGER NOT NULL,
                plan_mode               TEXT NOT NULL,
                plan_rate_limit         TEXT,
                plan_data_cap_bytes     INTEGER,
                plan_device_limit       INTEGER NOT NULL,
                plan_allowed_router_ids TEXT NOT NULL,
                amount_kes              INTEGER NOT NULL,
                phone                   TEXT NOT NULL,
                router_id               TEXT,
                mac                     TEXT,
                client_ip               TEXT,
                checkout_request_id     TEXT UNIQUE,
                merchant_request_id     TEXT,
                status                  TEXT NOT NULL,
                result_code             TEXT,
                result_desc             TEXT,
                mpesa_receipt           TEXT UNIQUE,
                paid_amount_kes         INTEGER,
                voucher_code            TEXT,
                created_at              INTEGER NOT NULL,
                updated_at              INTEGER NOT NULL,
                paid_at                 INTEGER,
                next_query_at           INTEGER,
                query_attempts          INTEGER NOT NULL,
                lease_owner             TEXT,
                lease_until             INTEGER,
                version                 INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX ix_payments_created ON payments (created_at);
            CREATE INDEX ix_payments_phone ON payments (phone, created_at);
            CREATE INDEX ix_payments_mac ON payments (mac, created_at) WHERE mac IS NOT NULL;
            CREATE INDEX ix_payments_client_ip ON payments (client_ip, created_at) WHERE client_ip IS NOT NULL;
            CREATE INDEX ix_payments_next_query ON payments (next_query_at) WHERE next_query_at IS NOT NULL;
            CREATE INDEX ix_payments_paid ON payments (paid_at) WHERE paid_at IS NOT NULL;

            -- Raw Daraja callback/query bodies, kept for audit (append-only).
            CREATE TABLE payment_payloads (
                id          INTEGER PRIMARY KEY,
                payment_id  TEXT NOT NULL,
                kind        TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                payload     TEXT NOT NULL
            );
            CREATE INDEX ix_payment_payloads_payment ON payment_payloads (payment_id, id);

            CREATE TABLE c2b_payments (
                trans_id            TEXT PRIMARY KEY,
                amount_kes          INTEGER NOT NULL,
                bill_ref_number     TEXT,
                msisdn              TEXT,
                business_short_code TEXT,
                trans_time          INTEGER,
                raw_payload         TEXT,
                received_at         INTEGER NOT NULL,
                voucher_code        TEXT,
                plan_id             TEXT
            ) WITHOUT ROWID;
            CREATE INDEX ix_c2b_payments_received ON c2b_payments (received_at);

            CREATE TABLE sessions (
                id                     TEXT PRIMARY KEY,
                router_id              TEXT NOT NULL,
                acct_session_id        TEXT NOT NULL,
                voucher_code           TEXT,
                user_name              TEXT NOT NULL,
                mac                    TEXT,
                framed_ip              TEXT,
                nas_ip                 TEXT,
                nas_identifier         TEXT,
                class                  TEXT,
                started_at             INTEGER NOT NULL,
                updated_at             INTEGER NOT NULL,
                stopped_at             INTEGER,
                session_seconds        INTEGER NOT NULL,
                input_bytes            INTEGER NOT NULL,
                output_bytes           INTEGER NOT NULL,
                terminate_cause        TEXT,
                disconnect_state       TEXT NOT NULL,
                disconnect_error_cause INTEGER,
                disconnect_attempts    INTEGER NOT NULL,
                disconnect_owner       TEXT,
                disconnect_lease_until INTEGER,
                version                INTEGER NOT NULL,
                UNIQUE (router_id, acct_session_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_sessions_open_router ON sessions (router_id) WHERE stopped_at IS NULL;
            CREATE INDEX ix_sessions_open_voucher ON sessions (voucher_code) WHERE stopped_at IS NULL;
            CREATE INDEX ix_sessions_open_updated ON sessions (updated_at) WHERE stopped_at IS NULL;
            """),
        new(2, "Closed sessions by close time and by voucher (session history)", """
            CREATE INDEX ix_sessions_closed ON sessions (stopped_at) WHERE stopped_at IS NOT NULL;
            CREATE INDEX ix_sessions_voucher_closed ON sessions (voucher_code, stopped_at) WHERE stopped_at IS NOT NULL;
            """),
    ];
}
