using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Catalog;

namespace Referral.Grains.Wheel;

/// <summary>Validation of wheel definitions, spin ids and client seeds: plain rules, no Orleans.</summary>
public static class WheelRules
{
    public static Dictionary<string, string[]> Validate(WheelDefinition? definition)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];

        if (definition is null)
        {
            Add("wheel", "A wheel definition is required.");
            return errors;
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Trim().Length > WheelLimits.MaxNameLength)
        {
            Add("name", $"A name of 1 to {WheelLimits.MaxNameLength} characters is required.");
        }

        if (definition.CostPerSpin is < 1 or > WheelLimits.MaxCostPerSpin)
        {
            Add("costPerSpin", $"Between 1 and {WheelLimits.MaxCostPerSpin} spin tokens.");
        }

        if (definition.FreeSpinsPerDay is < 0 or > WheelLimits.MaxFreeSpinsPerDay)
        {
            Add("freeSpinsPerDay", $"Between 0 and {WheelLimits.MaxFreeSpinsPerDay}.");
        }

        if (definition.DailyCap < 1 || definition.DailyCap > WheelLimits.MaxDailyCap || definition.DailyCap < definition.FreeSpinsPerDay)
        {
            Add("dailyCap", $"Between 1 and {WheelLimits.MaxDailyCap}, and at least freeSpinsPerDay.");
        }

        if (definition.ActiveFrom is { } from && definition.ActiveUntil is { } until && from >= until)
        {
            Add("activeUntil", "The window must end after it starts.");
        }

        var segments = definition.Segments;
        if (segments is null || segments.Count is < WheelLimits.MinSegments or > WheelLimits.MaxSegments)
        {
            Add("segments", $"Between {WheelLimits.MinSegments} and {WheelLimits.MaxSegments} segments.");
            return errors;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            ValidateSegment(segments[i], $"segments[{i}]", ids, Add);
        }

        return errors;
    }

    public static bool IsValidSpinId(string? spinId) =>
        spinId is { Length: >= 1 and <= WheelLimits.MaxSpinIdLength } && spinId.All(IsSeedChar);

    public static bool IsValidClientSeed(string? seed) =>
        seed is { Length: >= 1 and <= WheelLimits.MaxClientSeedLength } && seed.All(IsSeedChar);

    private static bool IsSeedChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static void ValidateSegment(WheelSegment? segment, string at, HashSet<string> ids, Action<string, string> add)
    {
        if (segment is null)
        {
            add(at, "A segment is required.");
            return;
        }

        if (!Slugs.IsValid(segment.Id))
        {
            add($"{at}.id", Slugs.Rule);
        }
        else if (!ids.Add(segment.Id))
        {
            add($"{at}.id", "Segment ids must be unique within the wheel.");
        }

        if (string.IsNullOrWhiteSpace(segment.Label) || segment.Label.Length > WheelLimits.MaxLabelLength)
        {
            add($"{at}.label", $"A label of 1 to {WheelLimits.MaxLabelLength} characters is required.");
        }

        if (!IsColour(segment.Colour))
        {
            add($"{at}.colour", "A colour like #1a2b3c.");
        }

        if (segment.Weight is < 1 or > WheelLimits.MaxWeight)
        {
            add($"{at}.weight", $"Between 1 and {WheelLimits.MaxWeight}.");
        }

        if (segment.Stock is < 0 or > WheelLimits.MaxStock)
        {
            add($"{at}.stock", $"Between 0 and {WheelLimits.MaxStock}, or absent for unlimited.");
        }

        var prize = segment.Prize;
        switch (prize?.Kind)
        {
            case null:
                add($"{at}.prize", "A prize is required (kind Nothing for none).");
                break;
            case PrizeKind.Nothing when prize.Amount != 0 || prize.PoolId is not null:
                add($"{at}.prize", "A Nothing prize has no amount and no pool.");
                break;
            case PrizeKind.Points or PrizeKind.Spins when prize.Amount is < 1 or > WheelLimits.MaxPrizeAmount || prize.PoolId is not null:
                add($"{at}.prize.amount", $"Between 1 and {WheelLimits.MaxPrizeAmount}, and no pool.");
                break;
            case PrizeKind.Code when !Slugs.IsValid(prize.PoolId) || prize.Amount is not (0 or 1):
                add($"{at}.prize.poolId", "A code prize names an existing code pool (amount 1).");
                break;
            case PrizeKind.Nothing or PrizeKind.Points or PrizeKind.Spins or PrizeKind.Code:
                break;
            default:
                add($"{at}.prize.kind", "One of Nothing, Points, Spins, Code.");
                break;
        }
    }

    private static bool IsColour(string? colour) =>
        colour is { Length: 7 } && colour[0] == '#' && colour.Skip(1).All(char.IsAsciiHexDigit);
}
