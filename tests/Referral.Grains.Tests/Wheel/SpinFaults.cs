using Referral.Grains.Wheel;

namespace Referral.Grains.Tests.Wheel;

/// <summary>The test-only fault plan: throws once at one step of one spin, standing in for a silo dying there.</summary>
public sealed class SpinFaults : IWheelSpinFaults
{
    private readonly Lock _gate = new();
    private (SpinStep Step, string SpinId)? _plan;

    public void FailOnce(SpinStep step, string spinId)
    {
        lock (_gate)
        {
            _plan = (step, spinId);
        }
    }

    public void At(SpinStep step, Guid userId, string spinId)
    {
        lock (_gate)
        {
            if (_plan is { } plan && plan.Step == step && plan.SpinId == spinId)
            {
                _plan = null;
                throw new InvalidOperationException($"injected crash at {step} of spin {spinId}");
            }
        }
    }
}
