using Npgsql;
using Referral.Grains.Accounts;
using Referral.Silo.Hosting;

namespace Referral.Silo.Persistence;

/// <summary>
/// Whether storage still holds device links written before guests were found by a user id computed
/// from the device id (<see cref="GuestDevices"/>). Only then does a guest sign-in ask the device's
/// old link first, so an existing deployment keeps its guests and a new one pays nothing for it. A
/// memory store starts empty and this version writes no links, so memory mode never has any; a
/// PostgreSQL store is asked once, at the first guest sign-in after start (no links found stays
/// the answer: nothing writes them any more).
/// </summary>
public sealed class LegacyDeviceLinks(ReferralSettings settings) : IDisposable
{
    private const string Query = "SELECT EXISTS (SELECT 1 FROM orleans_grain_state WHERE grain_type = $1 AND payload IS NOT NULL)";

    private readonly NpgsqlDataSource? _dataSource = settings.IsDurable ? NpgsqlDataSource.Create(settings.ConnectionString!) : null;
    private readonly Lock _gate = new();
    private Task<bool>? _present;

    /// <summary>True when a device link of an earlier version may exist.</summary>
    public ValueTask<bool> PresentAsync()
    {
        if (_dataSource is null)
        {
            return ValueTask.FromResult(false);
        }

        var present = _present;
        if (present is { IsCompletedSuccessfully: true })
        {
            return ValueTask.FromResult(present.Result);
        }

        lock (_gate)
        {
            // A failed check (the database was down) is asked again by the next sign-in.
            if (_present is null || _present.IsFaulted || _present.IsCanceled)
            {
                _present = QueryAsync(_dataSource);
            }

            return new ValueTask<bool>(_present);
        }
    }

    private static async Task<bool> QueryAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var command = dataSource.CreateCommand(Query);
            command.Parameters.Add(new NpgsqlParameter { Value = DeviceGrain.StateName });
            return await command.ExecuteScalarAsync() is true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No grain state table yet: a new database, so no links of an earlier version.
            return false;
        }
    }

    public void Dispose() => _dataSource?.Dispose();
}
