namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Keys of per-referrer grains.</summary>
public static class ReferrerKeys
{
    public static string For(Guid campaignId, Guid userId) => $"{campaignId:N}:{userId:N}";

    public static bool TryParse(string key, out Guid campaignId, out Guid userId)
    {
        campaignId = Guid.Empty;
        userId = Guid.Empty;
        var parts = key.Split(':');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out campaignId) && Guid.TryParseExact(parts[1], "N", out userId);
    }
}
