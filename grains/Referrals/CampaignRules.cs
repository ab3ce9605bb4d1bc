using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Referrals;

/// <summary>Validation of a campaign definition: every invalid field, keyed by its api name.</summary>
public static class CampaignRules
{
    public const int MaxNameLength = 80;
    public const int MaxVariants = 10;
    public const int MaxVariantNameLength = 40;
    public const int MaxWeight = 1_000;
    public const int MaxRewardsPerSide = 5;
    public const int MaxMilestones = 10;
    public const long MaxRewardAmount = 1_000_000;
    public const long MaxBudget = 1_000_000_000_000;
    public const int MaxCap = 1_000_000;
    public const int MaxQuizzesRequired = 100;
    public const int MaxCodePoolLength = 64;
    public static readonly TimeSpan MinAttributionWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxAttributionWindow = TimeSpan.FromDays(365);
    public static readonly TimeSpan MaxHold = TimeSpan.FromDays(90);

    public static Dictionary<string, string[]> Validate(CampaignDefinition? d)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (d is null)
        {
            Add("campaign", "A campaign is required.");
            return Flatten(errors);
        }

        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Trim().Length > MaxNameLength)
        {
            Add("name", $"A name of 1 to {MaxNameLength} characters is required.");
        }

        if (d.StartsAt is { } start && d.EndsAt is { } end && end <= start)
        {
            Add("endsAt", "The end must come after the start.");
        }

        if (!Enum.IsDefined(d.QualifyingEvent))
        {
            Add("qualifyingEvent", "Unknown qualifying event.");
        }
        else if (d.QualifyingEvent == QualifyingEvent.QuizzesCompleted && d.QuizzesRequired is < 1 or > MaxQuizzesRequired)
        {
            Add("quizzesRequired", $"Between 1 and {MaxQuizzesRequired} quizzes.");
        }

        if (d.AttributionWindow < MinAttributionWindow || d.AttributionWindow > MaxAttributionWindow)
        {
            Add("attributionWindowSeconds", "The attribution window is 1 second to 365 days.");
        }

        if (d.Hold < TimeSpan.Zero || d.Hold > MaxHold)
        {
            Add("holdSeconds", "The hold is 0 to 90 days.");
        }

        if (d.PerReferrerCap is < 1 or > MaxCap)
        {
            Add("perReferrerCap", $"The cap is 1 to {MaxCap} referrals, or none.");
        }

        if (d.MaxSignupsPerReferrerPerHour is < 0 or > 10_000)
        {
            Add("maxSignupsPerReferrerPerHour", "0 (no limit) to 10000.");
        }

        foreach (var (currency, amount) in d.Budget ?? new Dictionary<string, long>())
        {
            if (!Currencies.IsKnown(currency))
            {
                Add("budget", $"Unknown currency '{currency}': budgets are in {string.Join(", ", Currencies.All)}.");
            }
            else if (amount is < 1 or > MaxBudget)
            {
                Add("budget", $"The {currency} budget is 1 to {MaxBudget}.");
            }
        }

        var variants = d.Variants ?? [];
        if (variants.Count is < 1 or > MaxVariants)
        {
            Add("variants", $"1 to {MaxVariants} offer variants.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variants.Count; i++)
        {
            var v = variants[i];
            var field = $"variants[{i}]";
            if (string.IsNullOrWhiteSpace(v.Name) || v.Name.Length > MaxVariantNameLength || !names.Add(v.Name))
            {
                Add(field + ".name", $"A unique name of 1 to {MaxVariantNameLength} characters.");
            }

            if (v.Weight is < 1 or > MaxWeight)
            {
                Add(field + ".weight", $"A weight of 1 to {MaxWeight}.");
            }

            CheckRewards(field + ".referrerRewards", v.ReferrerRewards, Add);
            CheckRewards(field + ".refereeRewards", v.RefereeRewards, Add);
            if ((v.ReferrerRewards?.Count ?? 0) + (v.RefereeRewards?.Count ?? 0) == 0)
            {
                Add(field, "At least one reward, for the referrer or the friend.");
            }
        }

        var milestones = d.Milestones ?? [];
        if (milestones.Count > MaxMilestones)
        {
            Add("milestones", $"At most {MaxMilestones} milestones.");
        }

        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            if (m.Referrals < 1 || (i > 0 && m.Referrals <= milestones[i - 1].Referrals))
            {
                Add($"milestones[{i}].referrals", "Milestones are positive and strictly increasing.");
            }

            CheckRewards($"milestones[{i}].bonus", m.Bonus, Add);
            if ((m.Bonus?.Count ?? 0) == 0)
            {
                Add($"milestones[{i}].bonus", "A milestone pays at least one reward.");
            }
        }

        return Flatten(errors);
    }

    private static void CheckRewards(string field, IReadOnlyList<RewardSpec>? rewards, Action<string, string> add)
    {
        if (rewards is null)
        {
            return;
        }

        if (rewards.Count > MaxRewardsPerSide)
        {
            add(field, $"At most {MaxRewardsPerSide} rewards.");
        }

        for (var i = 0; i < rewards.Count; i++)
        {
            var r = rewards[i];
            var at = $"{field}[{i}]";
            if (r.Currency == RewardSpec.Code)
            {
                if (string.IsNullOrWhiteSpace(r.CodePool) || r.CodePool.Length > MaxCodePoolLength)
                {
                    add(at + ".codePool", "A code reward names its code pool.");
                }

                if (r.Amount != 1)
                {
                    add(at + ".amount", "A code reward is one code.");
                }
            }
            else if (!Currencies.IsKnown(r.Currency))
            {
                add(at + ".currency", $"One of: {string.Join(", ", Currencies.All)}, {RewardSpec.Code}.");
            }
            else if (r.Amount is < 1 or > MaxRewardAmount)
            {
                add(at + ".amount", $"1 to {MaxRewardAmount}.");
            }
        }
    }

    private static Dictionary<string, string[]> Flatten(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Which status changes an admin may make.</summary>
    public static bool CanMove(CampaignStatus from, CampaignStatus to) => (from, to) switch
    {
        (CampaignStatus.Draft, CampaignStatus.Active) => true,
        (CampaignStatus.Active, CampaignStatus.Paused) => true,
        (CampaignStatus.Paused, CampaignStatus.Active) => true,
        (CampaignStatus.Draft or CampaignStatus.Active or CampaignStatus.Paused, CampaignStatus.Ended) => true,
        _ => from == to,
    };
}
