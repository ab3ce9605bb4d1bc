namespace Referral.Grains.Wallet;

/// <summary>What a reward code and a pool may look like.</summary>
public static class CodeRules
{
    public const int MinLength = 4;
    public const int MaxLength = 64;

    /// <summary>Codes per <c>AddCodes</c> call.</summary>
    public const int MaxBatch = 10_000;

    /// <summary>Codes per pool: the pool lives in one grain state, written whole on every issue.</summary>
    public const int MaxPoolSize = 100_000;

    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 500;

    /// <summary>Letters, digits, dashes and underscores; surrounding spaces are trimmed by the caller.</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: >= MinLength and <= MaxLength }
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
