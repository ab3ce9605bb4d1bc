using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Api.Wallet;

/// <summary>The signed-in user's reward wallet: balances and the ledger, read only.</summary>
public static class WalletApi
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    public static IEndpointRouteBuilder MapWalletApi(this IEndpointRouteBuilder app)
    {
        var wallet = app.MapGroup("/api/me/wallet").WithTags("Wallet").RequireAuthorization(Policies.Player);
        wallet.MapGet("", Get).WithName("GetWallet");
        app.MapCodePoolsApi();
        return app;
    }

    private static async Task<Results<Ok<WalletResponse>, ValidationProblem>> Get(int? skip, int? take, HttpContext http, IGrainFactory grains)
    {
        var from = skip ?? 0;
        var count = take ?? DefaultTake;
        if (from < 0)
        {
            return Problems.Field("skip", "skip must be 0 or more.");
        }

        if (count is < 1 or > MaxTake)
        {
            return Problems.Field("take", $"take must be between 1 and {MaxTake}.");
        }

        var grain = grains.GetGrain<IRewardWalletGrain>(http.User.UserId());
        var balances = await grain.Balances();
        var page = await grain.Ledger(from, count);
        var codes = await grain.Codes();
        return TypedResults.Ok(new WalletResponse(balances, page.Entries, page.Total, from, count, codes));
    }
}
