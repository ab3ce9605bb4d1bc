namespace Referral.Grains.Abstractions.Referrals;

/// <summary>What a referred friend must do for the referral to qualify.</summary>
public enum QualifyingEvent
{
    /// <summary>Signing up is enough.</summary>
    Signup = 0,

    /// <summary>Finishing one live quiz game.</summary>
    FirstQuizCompleted = 1,

    /// <summary>Finishing <see cref="CampaignDefinition.QuizzesRequired"/> live quiz games.</summary>
    QuizzesCompleted = 2,

    /// <summary>Spinning the wheel of fortune once.</summary>
    FirstWheelSpin = 3,
}
