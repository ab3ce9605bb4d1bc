using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Quiz;

/// <summary>Validation and lookup of a room's rank rewards.</summary>
public static class RoomRewards
{
    public const int MaxTiers = 10;
    public const long MaxAmount = 1_000_000;

    public static Dictionary<string, string[]> Validate(IReadOnlyList<RoomReward>? rewards)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (rewards is null || rewards.Count == 0)
        {
            return errors;
        }

        if (rewards.Count > MaxTiers)
        {
            errors["rewards"] = [$"At most {MaxTiers} reward tiers."];
            return errors;
        }

        for (var i = 0; i < rewards.Count; i++)
        {
            var r = rewards[i];
            if (r is null || r.FromRank < 1 || r.ToRank < r.FromRank || r.ToRank > 100_000)
            {
                errors[$"rewards[{i}].fromRank"] = ["Ranks from 1, with toRank ≥ fromRank."];
            }
            else if (rewards.Take(i).Any(o => o is not null && o.FromRank <= r.ToRank && r.FromRank <= o.ToRank))
            {
                errors[$"rewards[{i}].fromRank"] = ["Reward tiers must not overlap."];
            }

            if (r is not null && r.Currency is not (Currencies.Points or Currencies.Spins))
            {
                errors[$"rewards[{i}].currency"] = ["points or spins."];
            }

            if (r is not null && r.Amount is < 1 or > MaxAmount)
            {
                errors[$"rewards[{i}].amount"] = [$"Between 1 and {MaxAmount}."];
            }
        }

        return errors;
    }

    /// <summary>The tier covering <paramref name="rank"/>, if any.</summary>
    public static RoomReward? For(IReadOnlyList<RoomReward>? rewards, int rank) =>
        rewards?.FirstOrDefault(r => rank >= r.FromRank && rank <= r.ToRank);

    /// <summary>The wallet key of a room's reward: one per room and user (the wallet is the user's).</summary>
    public static string Key(Guid roomId) => $"quiz-room:{roomId:N}:reward";
}
