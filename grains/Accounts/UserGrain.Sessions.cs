using System.Security.Cryptography;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>Refresh-token families: open, rotate, detect reuse, revoke, prune.</summary>
public sealed partial class UserGrain
{
    // Reuse is recognised for this many most recent rotations of a family. A token older than
    // that is merely unknown (invalid_refresh_token); with access tokens of 15 minutes, 32
    // rotations cover at least 8 hours of continuous use, longer than any replay we expect.
    private const int RotatedHashesKept = 32;

    // Ended (revoked or expired) families stay this long so the owner sees them in the export and
    // an expired token is answered as expired; then they are dropped, keeping state bounded.
    private static readonly TimeSpan EndedFamilyRetention = TimeSpan.FromDays(7);

    public async ValueTask<AccountOutcome<SessionGrant>> OpenSession(OpenSession command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Exists)
        {
            return AccountOutcome.Fail<SessionGrant>(AccountErrors.UserNotFound);
        }

        var (token, family) = AddFamily(command);
        await SaveSessionsAsync();
        return AccountOutcome.Success(new SessionGrant(token, family.Id, family.ExpiresAt, View()));
    }

    /// <summary>Adds a new refresh-token family (unsaved) and returns its first token.</summary>
    private (string Token, RefreshFamilyState Family) AddFamily(OpenSession command)
    {
        var now = time.GetUtcNow();
        Prune(now);
        EvictLeastRecentlyUsed(now);

        var familyId = Guid.NewGuid();
        var token = RefreshTokens.Create(this.GetPrimaryKey(), familyId, out var hash);
        var device = ProfileRules.DeviceLabel(command.Device);
        var family = new RefreshFamilyState
        {
            Id = familyId,
            ProtectedDevice = device is null ? null : protector.Protect(device),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + _options.RefreshTokenLifetime,
            CurrentHash = hash,
        };
        S.Families.Add(family);
        return (token, family);
    }

    public async ValueTask<AccountOutcome<SessionGrant>> Refresh(string refreshToken)
    {
        if (!RefreshTokens.TryParse(refreshToken, out var userId, out var familyId, out var secret)
            || userId != this.GetPrimaryKey()
            || !Exists
            || S.Families.Find(f => f.Id == familyId) is not { IsRevoked: false } family)
        {
            return AccountOutcome.Fail<SessionGrant>(AccountErrors.InvalidRefreshToken);
        }

        var now = time.GetUtcNow();
        var presented = RefreshTokens.HashSecret(secret);
        if (CryptographicOperations.FixedTimeEquals(presented, family.CurrentHash))
        {
            if (now >= family.ExpiresAt)
            {
                return AccountOutcome.Fail<SessionGrant>(AccountErrors.RefreshTokenExpired);
            }

            var token = RefreshTokens.Create(userId, familyId, out var next);
            family.RotatedHashes.Add(family.CurrentHash);
            if (family.RotatedHashes.Count > RotatedHashesKept)
            {
                family.RotatedHashes.RemoveRange(0, family.RotatedHashes.Count - RotatedHashesKept);
            }

            family.CurrentHash = next;
            family.LastUsedAt = now;
            await SaveSessionsAsync();
            return AccountOutcome.Success(new SessionGrant(token, familyId, family.ExpiresAt, View()));
        }

        if (family.RotatedHashes.Exists(h => CryptographicOperations.FixedTimeEquals(presented, h)))
        {
            // RFC 9700 4.14.2: a rotated token came back, so two parties hold this family's tokens
            // and we cannot tell which is the owner. End the family; the owner logs in again.
            Revoke(family, now);
            await SaveSessionsAsync();
            return AccountOutcome.Fail<SessionGrant>(AccountErrors.RefreshTokenReused);
        }

        return AccountOutcome.Fail<SessionGrant>(AccountErrors.InvalidRefreshToken);
    }

    public async ValueTask RevokeSession(Guid familyId)
    {
        if (S.Families.Find(f => f.Id == familyId) is { IsRevoked: false } family)
        {
            Revoke(family, time.GetUtcNow());
            await SaveSessionsAsync();
        }
    }

    public async ValueTask RevokeAllSessions()
    {
        var now = time.GetUtcNow();
        var changed = Prune(now);
        foreach (var family in S.Families.Where(f => !f.IsRevoked))
        {
            Revoke(family, now);
            changed = true;
        }

        if (changed)
        {
            await SaveSessionsAsync();
        }
    }

    private static void Revoke(RefreshFamilyState family, DateTimeOffset now)
    {
        family.RevokedAt = now;
        family.CurrentHash = [];
        family.RotatedHashes = [];
    }

    /// <summary>Drops families that ended more than the retention ago; true when any was dropped.</summary>
    private bool Prune(DateTimeOffset now)
    {
        var cutoff = now - EndedFamilyRetention;
        var removed = S.Families.RemoveAll(f => (f.RevokedAt ?? f.ExpiresAt) <= cutoff);

        // However a user churns through logins, the list stays within twice the session cap:
        // the oldest ended families go first.
        var excess = S.Families.Count - (2 * _options.MaxSessionsPerUser);
        if (excess > 0)
        {
            var oldestEnded = S.Families
                .Where(f => f.IsRevoked || f.ExpiresAt <= now)
                .OrderBy(f => f.RevokedAt ?? f.ExpiresAt)
                .Take(excess)
                .ToHashSet();
            removed += S.Families.RemoveAll(oldestEnded.Contains);
        }

        return removed > 0;
    }

    /// <summary>Before a new login: at most MaxSessionsPerUser live families; the least recently used is revoked.</summary>
    private void EvictLeastRecentlyUsed(DateTimeOffset now)
    {
        var live = S.Families.Where(f => !f.IsRevoked && f.ExpiresAt > now).OrderBy(f => f.LastUsedAt).ToList();
        foreach (var family in live.Take(live.Count - _options.MaxSessionsPerUser + 1))
        {
            Revoke(family, now);
        }
    }
}
