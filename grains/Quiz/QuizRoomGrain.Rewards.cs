using Microsoft.Extensions.Logging;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Quiz;

/// <summary>Rank rewards paid into wallets when a game ends (e.g. the podium earns wheel spins).</summary>
public sealed partial class QuizRoomGrain
{
    private const int RewardConcurrency = 100;

    /// <summary>
    /// Grants each rewarded player their tier under a key per room and user, so a repeat after a
    /// crash pays nobody twice; the flag is stored only after every wallet has answered. A player
    /// who answered no question earns nothing (joining alone is not playing).
    /// </summary>
    private async Task PayRewards()
    {
        var rewards = S.Settings.Rewards;
        if (S.RewardsPaid || rewards is not { Count: > 0 })
        {
            return;
        }

        var due = Rank()
            .Where(r => S.Players[r.UserId].Answers.Any(a => a is not null))
            .Select(r => (r.UserId, r.Rank, Tier: RoomRewards.For(rewards, r.Rank)))
            .Where(x => x.Tier is not null)
            .ToList();
        foreach (var chunk in due.Chunk(RewardConcurrency))
        {
            var outcomes = await Task.WhenAll(chunk.Select(x => GrainFactory.GetGrain<IRewardWalletGrain>(x.UserId)
                .Grant(new WalletEntryRequest(x.Tier!.Currency, x.Tier.Amount, $"quiz rank {x.Rank}", $"room:{RoomId:N}", RoomRewards.Key(RoomId)))
                .AsTask()));
            foreach (var failed in outcomes.Where(o => !o.Ok))
            {
                LogRewardRefused(logger, RoomId, failed.Error!, failed.Detail);
            }
        }

        S.RewardsPaid = true;
        await Persist();
    }

    /// <summary>A room that ended before its rewards or completions went out finishes that work when it activates again.</summary>
    private void ResumeEndOfGameWork()
    {
        if (S.IsOpen && S.Phase == RoomPhase.Ended && (!S.CompletionsPublished || (!S.RewardsPaid && S.Settings.Rewards is { Count: > 0 })))
        {
            this.RegisterGrainTimer(
                PublishCompletions,
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Room {RoomId}: a wallet refused a rank reward ({Error}: {Detail}).")]
    private static partial void LogRewardRefused(ILogger logger, Guid roomId, string error, string? detail);
}
