using Referral.Grains.Abstractions.Operations;
using Referral.Grains.Quiz;
using Referral.Grains.Tests.Quiz;
using Xunit;

namespace Referral.Grains.Tests.Operations;

/// <summary>
/// The operations grain on the fake-clock cluster. Each test takes its own grain key, so the rooms
/// other tests open (which report to key 0) do not move its figures.
/// </summary>
[Collection(RoomCluster.Name)]
public sealed class OperationsGrainTests(RoomClusterFixture cluster)
{
    private IOperationsGrain Grain(long key) => cluster.Client.GetGrain<IOperationsGrain>(key);

    private DateOnly Today => DateOnly.FromDateTime(cluster.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task NodesAddUpUntilTheyStopOrTheirReportExpires()
    {
        var ops = Grain(1001);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        await ops.Report(new NodeReport(a, 5, [], TimeSpan.FromSeconds(6)));
        await ops.Report(new NodeReport(b, 2, [], TimeSpan.FromSeconds(60)));
        var view = await ops.View();
        Assert.Equal((7, 2), (view.PlayersOnline, view.ApiNodes));

        // A newer report replaces the node's count rather than adding to it.
        await ops.Report(new NodeReport(a, 4, [], TimeSpan.FromSeconds(6)));
        Assert.Equal(6, (await ops.View()).PlayersOnline);

        cluster.Clock.Advance(TimeSpan.FromSeconds(7));
        view = await ops.View();
        Assert.Equal((2, 1), (view.PlayersOnline, view.ApiNodes));

        await ops.NodeStopped(b);
        view = await ops.View();
        Assert.Equal((0, 0), (view.PlayersOnline, view.ApiNodes));
        Assert.Equal(cluster.Clock.GetUtcNow(), view.At);
    }

    [Fact]
    public async Task DayTotalsAddEveryNodesCountsAndStartAgainAtMidnightUtc()
    {
        var ops = Grain(1002);
        var today = Today;
        await ops.Report(new NodeReport(Guid.NewGuid(), 0, [new DayCount(today, 3, 1)], TimeSpan.FromSeconds(6)));
        await ops.Report(new NodeReport(Guid.NewGuid(), 0, [new DayCount(today, 2, 2), new DayCount(today.AddDays(-1), 9, 9)], TimeSpan.FromSeconds(6)));
        var view = await ops.View();
        Assert.Equal((today, 5L, 3L), (view.Day, view.SignupsToday, view.ReferralsToday));

        var untilTomorrow = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - cluster.Clock.GetUtcNow().UtcDateTime;
        cluster.Clock.Advance(untilTomorrow + TimeSpan.FromSeconds(1));
        view = await ops.View();
        Assert.Equal((today.AddDays(1), 0L, 0L), (view.Day, view.SignupsToday, view.ReferralsToday));

        // Counts a node took just before midnight still land on the day they happened.
        await ops.Report(new NodeReport(Guid.NewGuid(), 0, [new DayCount(today, 1, 0), new DayCount(today.AddDays(1), 4, 1)], TimeSpan.FromSeconds(6)));
        view = await ops.View();
        Assert.Equal((4L, 1L), (view.SignupsToday, view.ReferralsToday));
    }

    [Fact]
    public async Task RoomsCountFromOpenToCloseAndLapseWithTheirPinClaim()
    {
        var ops = Grain(1003);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        await ops.RoomOpened(first);
        await ops.RoomOpened(first);
        await ops.RoomOpened(second);
        Assert.Equal(2, (await ops.View()).ActiveRooms);

        await ops.RoomClosed(first);
        await ops.RoomClosed(first);
        Assert.Equal(1, (await ops.View()).ActiveRooms);

        // A room never ended (its host vanished) stops counting when its PIN would be free again.
        cluster.Clock.Advance(RoomPinGrain.ClaimLifetime);
        Assert.Equal(0, (await ops.View()).ActiveRooms);
    }
}
