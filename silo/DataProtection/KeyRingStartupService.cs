using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Referral.Silo.Hosting;

namespace Referral.Silo.DataProtection;

/// <summary>
/// Before the silo starts. Durable mode: makes sure the shared key ring has an active key, under a
/// PostgreSQL advisory lock, so silos starting together on an empty ring agree on one first key
/// instead of each making its own (a silo would then fail to read another's data until its
/// cached ring refreshed). Memory mode: says that personal-data keys die with the process.
/// </summary>
internal sealed partial class KeyRingStartupService(
    ReferralSettings settings,
    DataProtectionMasterKeys masterKeys,
    IKeyManager keys,
    IOptions<KeyManagementOptions> keyOptions,
    TimeProvider time,
    ILogger<KeyRingStartupService> logger) : IHostedService
{
    // "RefDPKey" in ASCII; distinct from the schema migration lock.
    private const long KeyRingLockKey = 0x5265_6644_504B_6579;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.IsDurable)
        {
            LogEphemeral(logger, masterKeys.Generated);
            return;
        }

        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", KeyRingLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        var all = keys.GetAllKeys();
        EnsureReadable(all);
        if (!all.Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            var key = keys.CreateNewKey(now, now + keyOptions.Value.NewKeyLifetime);
            LogCreated(logger, key.KeyId, masterKeys.CurrentId);
        }

        await transaction.CommitAsync(cancellationToken);
        LogReady(logger, all.Count, masterKeys.CurrentId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A wrong master key would otherwise show only when the first user is read; stop here
    /// instead, naming the setting.
    /// </summary>
    private static void EnsureReadable(IReadOnlyCollection<IKey> all)
    {
        foreach (var key in all.Where(k => !k.IsRevoked))
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception ex) when (ex is CryptographicException or InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"Personal-data key {key.KeyId} in data_protection_keys cannot be decrypted: DataProtection:MasterKey (or one of " +
                    "DataProtection:RetiredMasterKeys) must be the master key the key ring was written with. Start-up stopped.", ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "PERSONAL-DATA KEYS ARE EPHEMERAL: the Data Protection key ring lives in memory (memory mode; generated master key: {Generated}). " +
        "Encrypted personal data cannot be read after this process stops. Durable mode stores the ring in PostgreSQL under DataProtection:MasterKey.")]
    private static partial void LogEphemeral(ILogger logger, bool generated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created personal-data key {KeyId}, encrypted under master key {MasterKeyId}.")]
    private static partial void LogCreated(ILogger logger, Guid keyId, string masterKeyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal-data key ring in PostgreSQL: {KeyCount} key(s) found; new keys are encrypted under master key {MasterKeyId}.")]
    private static partial void LogReady(ILogger logger, int keyCount, string masterKeyId);
}
