namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One reward: an amount of a wallet currency (<c>points</c>, <c>spins</c>), or, with
/// <paramref name="Currency"/> = <c>code</c>, one reward code from the code pool <paramref name="CodePool"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.RewardSpec")]
public sealed record RewardSpec(
    [property: Id(0)] string Currency,
    [property: Id(1)] long Amount,
    [property: Id(2)] string? CodePool = null)
{
    /// <summary>The pseudo-currency of a reward code.</summary>
    public const string Code = "code";
}
