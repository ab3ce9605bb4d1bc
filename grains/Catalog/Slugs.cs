using System.Diagnostics.CodeAnalysis;

namespace Referral.Grains.Catalog;

/// <summary>Ids admins choose for pools, wheels and segments: lower-case letters, digits and dashes, 2–40 characters.</summary>
public static class Slugs
{
    public const int MaxLength = 40;

    public static bool IsValid([NotNullWhen(true)] string? id) =>
        id is { Length: >= 2 and <= MaxLength }
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && id[0] != '-' && id[^1] != '-';

    public const string Rule = "2–40 characters: lower-case letters, digits and dashes, not starting or ending with a dash.";
}
