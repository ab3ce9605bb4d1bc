using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>Maps referral error codes from the grains to HTTP statuses; the code passes through.</summary>
public static class ReferralProblems
{
    public static ProblemHttpResult From(string error, string? detail) => error switch
    {
        ReferralErrors.CampaignNotFound or ReferralErrors.ReferralNotFound or ReferralErrors.UnknownCode =>
            Problems.Status(StatusCodes.Status404NotFound, error, "Not found.", detail),
        _ => Problems.Status(StatusCodes.Status409Conflict, error, "The request conflicts with the current state.", detail),
    };

    public static IResult Campaign(CampaignOutcome outcome) =>
        outcome.Error == ReferralErrors.InvalidCampaign && outcome.Errors is { } errors
            ? Problems.Validation(new Dictionary<string, string[]>(errors), outcome.Detail)
            : From(outcome.Error!, outcome.Detail);
}
