namespace Referral.Grains.Abstractions.Wallet;

/// <summary>The currencies a reward wallet holds. Codes are lower case and part of the api contract.</summary>
public static class Currencies
{
    public const string Points = "points";
    public const string Spins = "spins";

    /// <summary>
    /// Not a balance: the ledger currency of reward-code entries (see <see cref="WalletEntry"/>).
    /// Grant and Debit refuse it; codes come in through <see cref="IRewardWalletGrain.GrantCode"/>.
    /// </summary>
    public const string Code = "code";

    /// <summary>Every known currency, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [Points, Spins];

    public static bool IsKnown(string? currency) => currency is Points or Spins;
}
