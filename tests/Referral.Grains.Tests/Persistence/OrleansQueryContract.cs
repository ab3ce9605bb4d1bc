using System.Reflection;
using System.Text.RegularExpressions;
using Orleans.Runtime.MembershipService;
using Orleans.Configuration;
using Orleans.Storage;

namespace Referral.Grains.Tests.Persistence;

/// <summary>
/// The query keys the Orleans 10.4 ADO.NET providers load from <c>OrleansQuery</c>, written out
/// from their source, and the same sets as the installed provider assemblies demand them, so an
/// Orleans upgrade that adds a key fails a test instead of a silo start-up.
/// </summary>
internal static partial class OrleansQueryContract
{
    /// <summary>Clustering refuses to start without any of these ("Not all required queries found").</summary>
    public static readonly string[] Clustering =
    [
        "GatewaysQueryKey",
        "MembershipReadRowKey",
        "MembershipReadAllKey",
        "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
    ];

    /// <summary>Optional in 10.4; preferred by the defunct-silo clean-up when present.</summary>
    public const string ClusteringOptionalCleanup = "CleanupDefunctSiloEntryKey";

    /// <summary>Grain storage needs the first three; DeleteStorageKey only with DeleteStateOnClear.</summary>
    public static readonly string[] Persistence = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    public static readonly string[] Reminders =
    [
        "ReadReminderRowsKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "ReadReminderRowKey",
        "UpsertReminderRowKey",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
    ];

    /// <summary>What the installed clustering provider's validation demands (its DbStoredQueries' properties).</summary>
    public static IReadOnlyList<string> ClusteringDemandedByPackage() =>
        StoredQueryProperties(typeof(AdoNetClusteringTable).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries");

    /// <summary>What the installed reminders provider's validation demands.</summary>
    public static IReadOnlyList<string> RemindersDemandedByPackage() =>
        StoredQueryProperties(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries");

    /// <summary>The keys named in the installed grain storage's initialisation query.</summary>
    public static IReadOnlyList<string> PersistenceDemandedByPackage() =>
        [.. QuotedKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery).Select(m => m.Groups[1].Value)];

    private static List<string> StoredQueryProperties(Assembly assembly, string typeName)
    {
        // The providers validate by reflecting over these non-public properties; do the same.
        var type = assembly.GetType(typeName, throwOnError: true)!;
        return [.. type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name)];
    }

    [GeneratedRegex("'([A-Za-z0-9]+Key)'")]
    private static partial Regex QuotedKey();
}
