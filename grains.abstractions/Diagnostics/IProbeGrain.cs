namespace Referral.Grains.Abstractions.Diagnostics;

/// <summary>
/// A persisted operator probe: write a value, read it back from wherever the grain lives now.
/// Operators use it as a post-deployment smoke test (write, kill a pod, read back) and the
/// cluster tests use it to prove that state survives the loss of the silo that hosted it.
/// </summary>
public interface IProbeGrain : IGrainWithStringKey
{
    ValueTask<ProbeView> Write(string value);

    ValueTask<ProbeView> Read();
}
