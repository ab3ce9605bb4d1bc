-- Referral.Orleans schema, migration 0002: the ASP.NET Core Data Protection key ring.
--
-- One row per key-ring element (a key, or a revocation), written once by
-- Referral.Silo.DataProtection.PostgresXmlRepository and read by every silo, so all of them
-- encrypt and decrypt personal data with the same keys and the keys survive restarts. xml holds
-- the key already encrypted with AES-256-GCM under DataProtection:MasterKey (configuration),
-- never the key in clear. Rows are never updated or deleted: data encrypted under an expired
-- key must stay readable.

CREATE TABLE IF NOT EXISTS data_protection_keys
(
    friendly_name text        NOT NULL,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT data_protection_keys_pk PRIMARY KEY (friendly_name)
);
