namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// What one HTTP attempt came to, reported back to the webhook grain. <paramref name="Token"/>
/// names the attempt the grain started, so a report from an older activation is recognised.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.Webhooks.WebhookAttemptResult")]
public sealed record WebhookAttemptResult(
    [property: Id(0)] Guid Token,
    [property: Id(1)] string EventId,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] int? StatusCode,
    [property: Id(5)] string? Error,
    [property: Id(6)] TimeSpan Duration)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}
