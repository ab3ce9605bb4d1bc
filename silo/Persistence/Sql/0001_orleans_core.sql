-- Referral.Orleans schema, migration 0001: what the Orleans ADO.NET providers (10.4.x) need.
--
-- Orleans never names our tables. Each provider loads its SQL from OrleansQuery by query key at
-- start-up and runs it with named parameters (@DeploymentId, @GrainIdHash, ...), then reads the
-- result columns by name. Only that much is contract: the OrleansQuery table, the query keys, the
-- parameter names and the result column names (aliased below in the exact case Orleans asks for).
-- Tables, constraints and indexes are ours.
--
-- Conventions that follow from the contract:
--   * "boolean" answers are one row with one integer column: > 0 means it happened.
--   * every version check is compare-and-swap in a single statement, so no explicit transaction,
--     no plpgsql and no lock beyond the row being changed.
--   * all instants are timestamptz: Npgsql 6+ refuses to write UTC DateTimes to plain timestamp,
--     and timestamptz keeps comparisons independent of the server's TimeZone setting.
--
-- Applied by Referral.Silo.Persistence.PostgresSchema inside one transaction. Statements are
-- guarded (IF NOT EXISTS, ON CONFLICT) so that a hand re-run on a database is harmless too.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT orleans_query_pk PRIMARY KEY (QueryKey)
);

-- ---------------------------------------------------------------------------------------------
-- Clustering
-- ---------------------------------------------------------------------------------------------

-- One row per cluster (Orleans calls it DeploymentId; it is ClusterOptions.ClusterId). Its
-- version is the membership table's ETag: every membership change bumps it, so two silos acting
-- on the same view cannot both win.
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id varchar(150) NOT NULL,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id)
);

-- One row per silo incarnation (address, port and generation = start tick). Rows of dead silos
-- stay until Orleans' defunct-silo cleanup removes them; the cascade lets the test-only
-- "delete the whole cluster" query remove a cluster with one statement.
CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   varchar(150) NOT NULL,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       text         NOT NULL,
    host_name       text         NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer      NOT NULL DEFAULT 0,
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    CONSTRAINT orleans_membership_pk PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_cluster_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

-- ---------------------------------------------------------------------------------------------
-- Grain state
-- ---------------------------------------------------------------------------------------------

-- One row per (service, state name, grain). The provider identifies a grain by two 64-bit halves
-- (GUID or integer keys) plus an optional string (string keys and key extensions), and sends
-- 32-bit hashes of both so lookups start on integers. version is the state's ETag; a cleared
-- state keeps its row with a NULL payload so the version keeps counting up.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id         varchar(150) NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_id_hash      integer      NOT NULL,
    grain_type         text         NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension text         NULL,
    payload            bytea        NULL,
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL DEFAULT now(),
    -- The identity below is a unique btree key, and a btree entry must fit in about 2.7 kB; cap
    -- the variable parts so an oversized key fails here, by name, instead of inside the index.
    CONSTRAINT orleans_grain_state_type_length CHECK (octet_length(grain_type) <= 512),
    CONSTRAINT orleans_grain_state_extension_length CHECK (octet_length(grain_id_extension) <= 1024)
);

-- Unique, so two activations of one grain racing their first write (a split-brain moment) cannot
-- both insert: the loser gets no row back and Orleans raises InconsistentStateException. Most
-- grains have no extension (NULL), and NULLs never collide in a unique index before PostgreSQL
-- 15's NULLS NOT DISTINCT, hence coalesce(); Orleans never produces an empty extension, so ''
-- cannot be mistaken for NULL.
CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity
    ON orleans_grain_state (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1,
                            grain_type, coalesce(grain_id_extension, ''));

-- ---------------------------------------------------------------------------------------------
-- Reminders
-- ---------------------------------------------------------------------------------------------

-- grain_id is GrainId.ToString() ("type/key"). grain_hash is the grain's uniform hash as a signed
-- integer: each silo reads the reminders of its slice of the consistent-hash ring, hence the
-- index on it.
CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    varchar(150) NOT NULL,
    grain_id      text         NOT NULL,
    reminder_name text         NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    CONSTRAINT orleans_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name),
    -- Same reason as for grain state: the primary key's btree entry must stay under ~2.7 kB.
    CONSTRAINT orleans_reminder_grain_id_length CHECK (octet_length(grain_id) <= 1024),
    CONSTRAINT orleans_reminder_name_length CHECK (octet_length(reminder_name) <= 512)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);

-- ---------------------------------------------------------------------------------------------
-- Named queries. Upserted, so a later migration can replace a query by writing it again.
-- Dollar quoting keeps the SQL inside readable; no '@' may appear in it except as a parameter.
-- ---------------------------------------------------------------------------------------------

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Clustering: answers 1 when this call created the cluster's version row.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT ON CONSTRAINT orleans_membership_version_pk DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM created
$q$),

-- Clustering: the version row, joined with the one silo asked about (absent columns are NULL,
-- which the provider reads as "no such silo").
('MembershipReadRowKey', $q$
SELECT v.deployment_id   AS "DeploymentId",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime",
       v.version         AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$),

-- Clustering: the version row with every silo of the cluster.
('MembershipReadAllKey', $q$
SELECT v.deployment_id   AS "DeploymentId",
       m.address         AS "Address",
       m.port            AS "Port",
       m.generation      AS "Generation",
       m.silo_name       AS "SiloName",
       m.host_name       AS "HostName",
       m.status          AS "Status",
       m.proxy_port      AS "ProxyPort",
       m.suspect_times   AS "SuspectTimes",
       m.start_time      AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime",
       v.version         AS "Version"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$),

-- Clustering: adds a silo only if the caller saw the current version, and bumps it. The NOT
-- EXISTS keeps a duplicate insert from bumping the version without adding anything.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND NOT EXISTS (SELECT 1
                         FROM orleans_membership
                        WHERE deployment_id = @DeploymentId
                          AND address = @Address
                          AND port = @Port
                          AND generation = @Generation)
    RETURNING deployment_id
), added AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name,
                                    status, proxy_port, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM bumped b
    ON CONFLICT ON CONSTRAINT orleans_membership_pk DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM added
$q$),

-- Clustering: changes a silo's status and suspicions only if the caller saw the current version.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
       SET version = version + 1,
           changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND EXISTS (SELECT 1
                     FROM orleans_membership
                    WHERE deployment_id = @DeploymentId
                      AND address = @Address
                      AND port = @Port
                      AND generation = @Generation)
    RETURNING deployment_id
), changed AS (
    UPDATE orleans_membership m
       SET status = @Status,
           suspect_times = @SuspectTimes,
           i_am_alive_time = @IAmAliveTime
      FROM bumped b
     WHERE m.deployment_id = b.deployment_id
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM changed
$q$),

-- Clustering: the heartbeat. Deliberately unversioned: liveness is judged from these times, and
-- bumping the version every heartbeat would make every silo's membership write conflict.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
   SET i_am_alive_time = @IAmAliveTime
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
$q$),

-- Clustering: the gateways a client may connect to (Status is Active when the client asks).
('GatewaysQueryKey', $q$
SELECT address    AS "Address",
       proxy_port AS "ProxyPort",
       generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0
$q$),

-- Clustering: forgets a whole cluster (test clean-up); the foreign key cascades to its silos.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_version
 WHERE deployment_id = @DeploymentId
$q$),

-- Clustering: bulk clean-up of silos that stopped heart-beating before the cut-off. 10.4 only
-- uses it when CleanupDefunctSiloEntryKey below is missing; kept because it is required.
-- Status 3 is Active: an active row is never removed here, however stale.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND i_am_alive_time < @IAmAliveTime
   AND status <> 3
$q$),

-- Clustering: the clean-up 10.4 prefers. The provider picks a dead silo (status 6) from a read it
-- just made and passes back the values it saw; the row goes only if none has changed since, so
-- a silo that was updated meanwhile survives to the next round.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
 WHERE deployment_id = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
$q$),

-- Grain state: the payload and its version, or no row for a grain never written.
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary",
       version AS "Version"
FROM orleans_grain_state
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- Grain state: optimistic write. With a version, update only that version; without one, insert
-- the first version (the unique index stops a second first-writer). Any mismatch returns no
-- row, which the provider turns into InconsistentStateException.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
       SET payload = @PayloadBinary,
           version = version + 1,
           modified_at = now()
     WHERE grain_id_hash = @GrainIdHash
       AND grain_type_hash = @GrainTypeHash
       AND service_id = @ServiceId
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND grain_type = @GrainTypeString
       AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_grain_state (service_id, grain_type_hash, grain_id_hash, grain_type,
                                     grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainTypeString,
           @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$),

-- Grain state: ClearStateAsync keeps the row and its version history, dropping only the payload.
('ClearStorageKey', $q$
UPDATE orleans_grain_state
   SET payload = NULL,
       version = version + 1,
       modified_at = now()
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$q$),

-- Grain state: ClearStateAsync with DeleteStateOnClear removes the row. The answer only has to
-- differ from the caller's version to count as success, so it is the version that would follow.
('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
 WHERE grain_id_hash = @GrainIdHash
   AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND grain_type = @GrainTypeString
   AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
   AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$q$),

-- Reminders: register or re-register; the version is the reminder's ETag.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT ON CONSTRAINT orleans_reminder_pk DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version = orleans_reminder.version + 1
RETURNING version AS "Version"
$q$),

-- Reminders: every reminder of one grain.
('ReadReminderRowsKey', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND grain_id = @GrainId
$q$),

-- Reminders: one reminder of one grain.
('ReadReminderRowKey', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND grain_id = @GrainId
  AND reminder_name = @ReminderName
$q$),

-- Reminders: a ring slice (BeginHash, EndHash] that does not wrap in signed order. The provider
-- chooses between this and the next query by comparing the bounds as signed integers.
('ReadRangeRows1Key', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND grain_hash > @BeginHash
  AND grain_hash <= @EndHash
$q$),

-- Reminders: a ring slice that wraps past the largest signed value (also the whole ring, when
-- BeginHash = EndHash).
('ReadRangeRows2Key', $q$
SELECT grain_id      AS "GrainId",
       reminder_name AS "ReminderName",
       start_time    AS "StartTime",
       period_ms     AS "Period",
       version       AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Reminders: unregister, only if the caller holds the current version; answers 1 or 0.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminder
     WHERE service_id = @ServiceId
       AND grain_id = @GrainId
       AND reminder_name = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT count(*)::integer FROM removed
$q$),

-- Reminders: every reminder of the service (test clean-up).
('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId
$q$)

ON CONFLICT ON CONSTRAINT orleans_query_pk DO UPDATE SET QueryText = EXCLUDED.QueryText;
