using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// Consumes the <c>analytics</c> stream so referrals qualify on real events: each finished game
/// (<see cref="QuizCompletedBatch"/> on key <c>quiz</c>) reaches every player's referral grain,
/// which ignores it unless it is a pending referral that counts games. Calls go out a bounded
/// number at a time so a 10,000-player room does not flood the silo.
/// </summary>
[ImplicitStreamSubscription(StreamNamespaces.Analytics)]
public sealed partial class ReferralFeedGrain(ILogger<ReferralFeedGrain> logger) : Grain, IReferralFeedGrain, IStreamSubscriptionObserver
{
    public const string QuizKey = "quiz";
    private const int Parallelism = 32;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        if (handleFactory.StreamId.GetKeyAsString() == QuizKey)
        {
            await handleFactory.Create<QuizCompletedBatch>().ResumeAsync((batch, _) => OnQuizBatch(batch));
        }
        else
        {
            await OnOtherStream(handleFactory);
        }
    }

    private async Task OnQuizBatch(QuizCompletedBatch batch)
    {
        // Chunks rather than Parallel.ForEachAsync: grain calls must start on the grain's own scheduler.
        foreach (var chunk in batch.Items.Chunk(Parallelism))
        {
            await Task.WhenAll(chunk.Select(Qualify));
        }
    }

    private async Task Qualify(QuizCompleted c)
    {
        try
        {
            await GrainFactory.GetGrain<IReferralGrain>(c.UserId).QuizCompleted($"quiz:{c.RoomId:N}", c.CompletedAt);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogQualifyFailed(logger, c.UserId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral qualification for user {UserId} failed.")]
    private static partial void LogQualifyFailed(ILogger logger, Guid userId, Exception exception);
}
