namespace Referral.Grains.Abstractions.Wallet;

/// <summary>How pool idempotency keys are formed, shared by the wallet and anyone reserving codes for it.</summary>
public static class CodePoolKeys
{
    /// <summary>The pool key under which a wallet grant with <paramref name="walletKey"/> issues its code.</summary>
    public static string ForWallet(Guid userId, string walletKey) => $"{userId:N}:{walletKey}";
}
