namespace Referral.Grains.Abstractions.Quiz;

/// <summary>How many points a question is worth at most.</summary>
public enum PointsMode
{
    /// <summary>1000 points.</summary>
    Standard,

    /// <summary>2000 points.</summary>
#pragma warning disable CA1720 // "Double" is the hosts' word ("double points"), kept as the exported JSON value.
    Double,
#pragma warning restore CA1720

    /// <summary>No points (the answer still counts for the answer streak).</summary>
    None,
}
