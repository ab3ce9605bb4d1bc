using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>Role lists as stored: known roles only, player always, in <see cref="Roles.All"/> order.</summary>
public static class UserRoles
{
    public static string? FirstUnknown(IEnumerable<string> roles) =>
        roles.FirstOrDefault(r => !Roles.All.Contains(r, StringComparer.Ordinal));

    public static List<string> Canonical(IEnumerable<string> roles)
    {
        var wanted = roles.Append(Roles.Player).ToHashSet(StringComparer.Ordinal);
        return [.. Roles.All.Where(wanted.Contains)];
    }
}
