namespace Referral.Grains.Abstractions.Wheel;

/// <summary>What a wheel segment pays.</summary>
public enum PrizeKind
{
    /// <summary>Nothing ("try again").</summary>
    Nothing,

    /// <summary><see cref="WheelPrize.Amount"/> points into the wallet.</summary>
    Points,

    /// <summary><see cref="WheelPrize.Amount"/> spin tokens into the wallet.</summary>
    Spins,

    /// <summary>One reward code from the code pool <see cref="WheelPrize.PoolId"/>.</summary>
    Code,
}
