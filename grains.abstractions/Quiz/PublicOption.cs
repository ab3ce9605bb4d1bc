namespace Referral.Grains.Abstractions.Quiz;

/// <summary>An option as players see it: answers name options by <paramref name="Id"/>, not by position.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.PublicOption")]
public sealed record PublicOption(
    [property: Id(0)] int Id,
    [property: Id(1)] string Text);
