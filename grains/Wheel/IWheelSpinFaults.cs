namespace Referral.Grains.Wheel;

/// <summary>
/// Fault injection for crash tests: registered only by tests (never by the product's hosting),
/// it may throw at a <see cref="SpinStep"/> to stand in for a silo dying there.
/// </summary>
public interface IWheelSpinFaults
{
    void At(SpinStep step, Guid userId, string spinId);
}
