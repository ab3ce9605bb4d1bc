using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;
using Referral.Silo.Persistence;

namespace Referral.Api.Auth;

/// <summary>
/// Finds the grains behind what a person types: emails and device ids become keyed hashes
/// (<see cref="AccountKeys"/>) here and nowhere else, so no grain key carries them in clear.
/// </summary>
public sealed class AccountDirectory(IGrainFactory grains, AuthKeys keys, AuthOptions options, LegacyDeviceLinks legacyLinks)
{
    private readonly HashSet<string> _admins = options.Admins.Select(AccountKeys.NormalizeEmail).ToHashSet(StringComparer.Ordinal);

    public string AccountKey(string email) => AccountKeys.ForEmail(keys.AccountKeySecret, email);

    public IAccountGrain Account(string email) => AccountByKey(AccountKey(email));

    public IAccountGrain AccountByKey(string accountKey) => grains.GetGrain<IAccountGrain>(accountKey);

    /// <summary>The guest of <paramref name="deviceId"/> (a new one the first time) and a new session for it (<see cref="GuestDevices"/>).</summary>
    public async Task<AccountOutcome<SessionGrant>> StartGuestSession(string deviceId, string displayName, string locale, OpenSession session) =>
        await GuestDevices.StartSessionAsync(grains, keys.AccountKeySecretBytes, deviceId, displayName, locale, session, await legacyLinks.PresentAsync());

    public IUserGrain User(Guid userId) => grains.GetGrain<IUserGrain>(userId);

    /// <summary>True when <c>Auth:Admins</c> names this email.</summary>
    public bool IsConfiguredAdmin(string email) => _admins.Contains(AccountKeys.NormalizeEmail(email));
}
