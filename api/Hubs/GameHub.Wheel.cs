using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Auth;
using Referral.Api.Wheel;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Catalog;

namespace Referral.Api.Hubs;

/// <summary>
/// Wheels over the hub: watch a wheel's live feed (stock changes, big wins) and spin. Failures
/// are <see cref="HubException"/>s whose message starts with a stable code and a colon.
/// </summary>
public sealed partial class GameHub
{
    /// <summary>Starts relaying the wheel's events to this connection; returns its current odds (with the sequence they reflect).</summary>
    public async Task<WheelOdds> WatchWheel(string wheelId, [FromServices] IGrainFactory grains, [FromServices] WheelRelay relay)
    {
        if (!Slugs.IsValid(wheelId))
        {
            throw Error(WheelErrors.WheelNotFound, "No such wheel.");
        }

        // Subscribe before reading the odds, so no event after them can be missed.
        await relay.EnsureSubscribed(wheelId);
        var odds = await grains.GetGrain<IWheelGrain>(wheelId).Odds();
        if (!odds.Ok)
        {
            await relay.Release(wheelId);
            throw Error(odds.Error!, odds.Detail ?? odds.Error!);
        }

        await relay.Watch(Context.ConnectionId, wheelId);
        return odds.Value!;
    }

    public Task UnwatchWheel(string wheelId, [FromServices] WheelRelay relay) => relay.Unwatch(Context.ConnectionId, wheelId ?? "");

    /// <summary>One spin with a client-generated id; repeating the id returns the first result.</summary>
    public async Task<SpinResult> Spin(string wheelId, string spinId, [FromServices] IGrainFactory grains)
    {
        if (!Slugs.IsValid(wheelId))
        {
            throw Error(WheelErrors.WheelNotFound, "No such wheel.");
        }

        var outcome = await grains.GetGrain<IWheelPlayerGrain>(Context.User!.UserId()).Spin(wheelId, spinId ?? "");
        return outcome.Ok ? outcome.Value! : throw Error(outcome.Error!, outcome.Detail ?? outcome.Error!);
    }
}
