namespace Referral.Grains.Quiz;

/// <summary>A cleaned nickname, or why it was refused (<c>nickname_length</c>, <c>nickname_profane</c>).</summary>
public sealed record NicknameResult(string? Nickname, string? Error, string? Detail)
{
    public bool Ok => Error is null;
}
