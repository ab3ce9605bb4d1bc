using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>One referrer in one campaign.</summary>
[GenerateSerializer, Alias("Referral.Referrals.ReferrerState")]
public sealed class ReferrerState
{
    [Id(0)] public string? Code { get; set; }

    [Id(1)] public string Name { get; set; } = "";

    /// <summary>Friends in signup order; their statuses live in their own referral grains.</summary>
    [Id(2)] public List<FriendEntry> Friends { get; set; } = new();

    /// <summary>Signup times within the last hour (the velocity rule).</summary>
    [Id(3)] public List<DateTimeOffset> RecentSignups { get; set; } = new();

    [Id(4)] public List<string> DeviceKeys { get; set; } = new();

    [Id(5)] public List<string> NetworkAgentKeys { get; set; } = new();

    [Id(6)] public List<string> DeviceIdKeys { get; set; } = new();

    /// <summary>The decision per friend: made once, returned on every retry.</summary>
    [Id(7)] public Dictionary<Guid, RewardClaim> Claims { get; set; } = new();

    /// <summary>Paid referrals that still count (a clawback takes one away): the cap, milestones and leaderboard read it.</summary>
    [Id(8)] public int Rewarded { get; set; }

    [Id(9)] public List<int> Milestones { get; set; } = new();

    [Id(10)] public long Version { get; set; }

    [Id(11)] public long Clicks { get; set; }
}
