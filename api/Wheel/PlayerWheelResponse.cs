using Referral.Grains.Abstractions.Wheel;

namespace Referral.Api.Wheel;

/// <summary>A wheel as the caller sees it before spinning: rules and odds, their use of it today, and their fairness state.</summary>
public sealed record PlayerWheelResponse(WheelOdds Wheel, DailyAllowance Today, int FreeSpinsLeft, int SpinsLeftToday, FairnessView Fairness);
