using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Accounts;

/// <summary>A user as the api shows them (to themselves, or to an admin).</summary>
public sealed record UserResponse(
    Guid Id,
    string DisplayName,
    string Locale,
    string? Email,
    bool IsGuest,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    string? ReferralCode)
{
    public static UserResponse From(UserView user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.DisplayName, user.Locale, user.Email, user.IsGuest, user.Roles, user.CreatedAt, user.ReferralCode);
    }
}
