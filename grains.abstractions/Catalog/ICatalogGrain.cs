namespace Referral.Grains.Abstractions.Catalog;

/// <summary>
/// The ids of one kind of admin-managed thing (code pools, wheels), so admins and players can
/// list them; keyed by <see cref="CatalogKeys"/>. Admin-rate traffic only: never on a hot path.
/// </summary>
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>Adds an id; adding it again changes nothing.</summary>
    ValueTask Add(string id);

    ValueTask Remove(string id);

    /// <summary>Every id, in ordinal order.</summary>
    ValueTask<IReadOnlyList<string>> List();
}
