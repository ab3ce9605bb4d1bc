using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Catalog;

namespace Referral.Grains.Catalog;

/// <summary>A sorted set of ids; written only when it changes.</summary>
public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Default)] IPersistentState<CatalogState> state) : Grain, ICatalogGrain
{
    public async ValueTask Add(string id)
    {
        if (state.State.Ids.Add(id))
        {
            await state.WriteStateAsync();
        }
    }

    public async ValueTask Remove(string id)
    {
        if (state.State.Ids.Remove(id))
        {
            await state.WriteStateAsync();
        }
    }

    public ValueTask<IReadOnlyList<string>> List() =>
        ValueTask.FromResult<IReadOnlyList<string>>(state.State.Ids.Order(StringComparer.Ordinal).ToList());
}
