using Orleans.Runtime;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Accounts;

namespace Referral.Grains.Referrals;

/// <summary>
/// A campaign's referral leaderboard. Rows arrive as absolute counts with a per-referrer version,
/// so a late or repeated update never moves a count backwards. Writes and the live
/// <see cref="LeaderboardChanged"/> are coalesced to at most one a second; a row lost to a crash
/// in between comes back with that referrer's next change.
/// </summary>
public sealed class CampaignLeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Default)] IPersistentState<LeaderboardState> state,
    TimeProvider time,
    IPersonalDataProtector protector) : Grain, ICampaignLeaderboardGrain
{
    public const int MaxTop = 100;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Guid, string> _names = new();
    private List<(Guid Id, LeaderboardRow Row)>? _sorted;
    private IGrainTimer? _flush;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_flush is not null)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public ValueTask Set(Guid userId, string name, int referrals, long version)
    {
        if (state.State.Rows.TryGetValue(userId, out var row) && row.Version >= version)
        {
            return ValueTask.CompletedTask;
        }

        var reachedAt = row is not null && row.Referrals == referrals ? row.ReachedAt : time.GetUtcNow();
        state.State.Rows[userId] = new LeaderboardRow(PersonalText.Seal(protector, name), referrals, reachedAt, version);
        _names[userId] = name;
        _sorted = null;
        _flush ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushInterval, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return ValueTask.CompletedTask;
    }

    public ValueTask<LeaderboardView> View(Guid? userId, int top)
    {
        var sorted = Sorted();
        var entries = sorted.Take(Math.Clamp(top, 0, MaxTop)).Select((r, i) => Entry(r, i)).ToList();
        LeaderboardEntry? own = null;
        if (userId is { } id)
        {
            var index = sorted.FindIndex(r => r.Id == id);
            own = index >= 0 ? Entry(sorted[index], index) : null;
        }

        return ValueTask.FromResult(new LeaderboardView(this.GetPrimaryKey(), entries, own, sorted.Count));
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        // One-shot: the next Set arms a new timer. Disposing this one from inside its own
        // callback would cancel the token, so it is disposed when the work is done.
        var timer = _flush;
        _flush = null;
        try
        {
            await Publish();
        }
        finally
        {
            timer?.Dispose();
        }
    }

    private async Task Publish()
    {
        await state.WriteStateAsync();
        var sorted = Sorted();
        var top = sorted.Take(MaxTop).Select((r, i) => Entry(r, i)).ToList();
        await this.GetStreamProvider(StorageNames.StreamProvider)
            .GetStream<LeaderboardChanged>(StreamId.Create(StreamNamespaces.Campaign, this.GetPrimaryKey()))
            .OnNextAsync(new LeaderboardChanged(this.GetPrimaryKey(), top, sorted.Count, time.GetUtcNow()));
    }

    /// <summary>Referrers with at least one rewarded referral, most first, earlier first on ties.</summary>
    private List<(Guid Id, LeaderboardRow Row)> Sorted() => _sorted ??= state.State.Rows
        .Where(r => r.Value.Referrals > 0)
        .Select(r => (r.Key, r.Value))
        .OrderByDescending(r => r.Value.Referrals)
        .ThenBy(r => r.Value.ReachedAt)
        .ThenBy(r => r.Key)
        .ToList();

    private LeaderboardEntry Entry((Guid Id, LeaderboardRow Row) r, int index) => new(index + 1, r.Id, NameOf(r.Id, r.Row), r.Row.Referrals);

    /// <summary>Names are stored sealed; opened once per activation and kept in memory.</summary>
    private string NameOf(Guid userId, LeaderboardRow row)
    {
        if (!_names.TryGetValue(userId, out var name))
        {
            _names[userId] = name = PersonalText.Open(protector, row.Name);
        }

        return name;
    }
}
