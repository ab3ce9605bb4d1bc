namespace Referral.Grains.Wheel;

/// <summary>Points in a spin where a test's <see cref="IWheelSpinFaults"/> may fail it.</summary>
public enum SpinStep
{
    /// <summary>After the Started state is stored, before the wallet debit.</summary>
    Started,

    /// <summary>After the debit, before the draw.</summary>
    Debited,

    /// <summary>After the Drawn state is stored, before the prize is credited.</summary>
    Drawn,

    /// <summary>After the prize is credited, before Completed is stored.</summary>
    Credited,
}
