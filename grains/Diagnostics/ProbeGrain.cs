using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Diagnostics;

namespace Referral.Grains.Diagnostics;

public sealed class ProbeGrain(
    [PersistentState("probe", StorageNames.Default)] IPersistentState<ProbeState> state,
    ILocalSiloDetails silo,
    TimeProvider time) : Grain, IProbeGrain
{
    public async ValueTask<ProbeView> Write(string value)
    {
        state.State.Value = value;
        state.State.Writes++;
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return View();
    }

    public ValueTask<ProbeView> Read() => ValueTask.FromResult(View());

    private ProbeView View() => new(
        this.GetPrimaryKeyString(),
        state.State.Value,
        state.State.Writes,
        state.State.UpdatedAt,
        silo.SiloAddress.ToString());
}
