using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Catalog;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Catalog;
using Referral.Grains.Wheel;

namespace Referral.Api.Wheel;

/// <summary>
/// Wheels for players: list, odds (shown before spinning), spin, their fairness state and spin
/// history, and a verifier anyone may call to recompute a spin from its revealed seed.
/// </summary>
public static class WheelsApi
{
    public static IEndpointRouteBuilder MapWheelsApi(this IEndpointRouteBuilder app)
    {
        var wheels = app.MapGroup("/api/wheels").WithTags("Wheels").RequireAuthorization(Policies.Player);
        wheels.MapGet("/", List).WithName("ListWheels");
        wheels.MapGet("/{id}", Get).WithName("GetWheel");
        wheels.MapGet("/{id}/odds", Odds).WithName("WheelOdds");
        wheels.MapPost("/{id}/spins", Spin).WithName("Spin");

        var mine = app.MapGroup("/api/me/wheel").WithTags("Wheels").RequireAuthorization(Policies.Player);
        mine.MapGet("/fairness", Fairness).WithName("WheelFairness");
        mine.MapPut("/client-seed", SetClientSeed).WithName("SetClientSeed");
        mine.MapPost("/seed/rotate", RotateSeed).WithName("RotateSeed");
        mine.MapGet("/spins", History).WithName("SpinHistory");

        // Anonymous on purpose: recomputing a spin needs no account, only the revealed seed.
        app.MapPost("/api/wheel/verify", Verify).WithTags("Wheels").WithName("VerifySpin").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogKeys.Wheels).List();
        var odds = await Task.WhenAll(ids.Select(id => grains.GetGrain<IWheelGrain>(id).Odds().AsTask()));
        return TypedResults.Ok(odds.Where(o => o.Ok && o.Value!.Open).Select(o => o.Value!).ToList());
    }

    private static async Task<IResult> Get(string id, HttpContext http, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return WheelProblems.NotFound();
        }

        var odds = await grains.GetGrain<IWheelGrain>(id).Odds();
        if (!odds.Ok)
        {
            return WheelProblems.From(odds);
        }

        var player = grains.GetGrain<IWheelPlayerGrain>(http.User.UserId());
        var today = await player.Allowance(id);
        var wheel = odds.Value!;
        return TypedResults.Ok(new PlayerWheelResponse(
            wheel,
            today,
            Math.Max(0, wheel.FreeSpinsPerDay - today.FreeSpinsUsed),
            Math.Max(0, wheel.DailyCap - today.SpinsToday),
            await player.Fairness()));
    }

    private static async Task<IResult> Odds(string id, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return WheelProblems.NotFound();
        }

        var odds = await grains.GetGrain<IWheelGrain>(id).Odds();
        return odds.Ok ? TypedResults.Ok(odds.Value) : WheelProblems.From(odds);
    }

    private static async Task<IResult> Spin(string id, SpinRequest? body, HttpContext http, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return WheelProblems.NotFound();
        }

        var outcome = await grains.GetGrain<IWheelPlayerGrain>(http.User.UserId()).Spin(id, body?.SpinId ?? "");
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : WheelProblems.From(outcome);
    }

    private static async Task<IResult> Fairness(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWheelPlayerGrain>(http.User.UserId()).Fairness());

    private static async Task<IResult> SetClientSeed(ClientSeedRequest? body, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IWheelPlayerGrain>(http.User.UserId()).SetClientSeed(body?.ClientSeed ?? "");
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : WheelProblems.From(outcome);
    }

    private static async Task<IResult> RotateSeed(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWheelPlayerGrain>(http.User.UserId()).RotateSeed());

    private static async Task<IResult> History(int? skip, int? take, HttpContext http, IGrainFactory grains)
    {
        var from = skip ?? 0;
        var count = take ?? 20;
        if (from < 0)
        {
            return Problems.Field("skip", "skip must be 0 or more.");
        }

        if (count is < 1 or > 100)
        {
            return Problems.Field("take", "take must be between 1 and 100.");
        }

        return TypedResults.Ok(await grains.GetGrain<IWheelPlayerGrain>(http.User.UserId()).History(from, count));
    }

    private static IResult Verify(VerifyRequest? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(body?.ServerSeed) || body.ServerSeed.Length > 256)
        {
            errors["serverSeed"] = ["The revealed server seed (1–256 characters)."];
        }

        if (!WheelRules.IsValidClientSeed(body?.ClientSeed))
        {
            errors["clientSeed"] = ["The client seed of the spin."];
        }

        if (body?.Nonce is not >= 0)
        {
            errors["nonce"] = ["The nonce of the spin (0 or more)."];
        }

        if (body?.Weights is not { Count: >= 1 and <= WheelLimits.MaxSegments } weights || weights.Any(w => w is < 0 or > WheelLimits.MaxWeight))
        {
            errors["weights"] = [$"The spin's effective weights: 1 to {WheelLimits.MaxSegments} numbers from 0 to {WheelLimits.MaxWeight}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var roll = ProvablyFair.Roll(body!.ServerSeed!, body.ClientSeed!, body.Nonce!.Value);
        return TypedResults.Ok(new VerifyResponse(
            ProvablyFair.Hash(body.ServerSeed!), ProvablyFair.RollHex(roll), ProvablyFair.ToUnit(roll), ProvablyFair.Pick(roll, body.Weights!)));
    }
}
