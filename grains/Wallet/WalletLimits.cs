namespace Referral.Grains.Wallet;

/// <summary>Bounds on a single ledger entry.</summary>
public static class WalletLimits
{
    public const long MaxAmount = 1_000_000_000;
    public const int MaxKeyLength = 200;
    public const int MaxReasonLength = 200;
    public const int MaxSourceRefLength = 200;
}
