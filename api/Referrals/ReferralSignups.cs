using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Infrastructure;
using Referral.Api.Operations;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Referrals;

namespace Referral.Api.Referrals;

/// <summary>
/// The link between signing up and the referral engine: checks a typed code before an account
/// is created (so a typo is a field error, not a silent loss), and records every signup's
/// fingerprints, attributing it when a code came with it.
/// </summary>
public sealed partial class ReferralSignups(IGrainFactory grains, ReferralSignals signals, OperationsCounters operations, ILogger<ReferralSignups> logger)
{
    /// <summary>A 400 on <c>referralCode</c> (code <c>unknown_referral_code</c>) when one is given and no referrer holds it.</summary>
    public async Task<ValidationProblem?> CheckCode(string? referralCode)
    {
        if (string.IsNullOrWhiteSpace(referralCode))
        {
            return null;
        }

        var code = ReferralCodes.Normalize(referralCode);
        return code is not null && await grains.GetGrain<IReferralCodeGrain>(code).Resolve() is not null
            ? null
            : Problems.Field("referralCode", "No referral code like this exists; check it or leave it empty.", ReferralErrors.UnknownCode);
    }

    /// <summary>Records the signup; the account exists already, so a failure here is logged, not returned.</summary>
    public async Task Record(HttpContext http, Guid userId, string displayName, string? email, string? deviceId, string? referralCode)
    {
        try
        {
            var outcome = await grains.GetGrain<IReferralGrain>(userId).SignUp(signals.Signup(http, displayName, email, deviceId, referralCode));
            if (outcome.Referral is not null)
            {
                operations.Referred();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSignupFailed(logger, userId, e);
        }
    }

    /// <summary>
    /// A deleted user leaves no name or fingerprint in referral state: their own record, their
    /// entry in their referrer's list, and their referrer records in every campaign.
    /// </summary>
    public async Task Forget(Guid userId)
    {
        await grains.GetGrain<IReferralGrain>(userId).Forget();
        foreach (var campaign in await grains.GetGrain<ICampaignDirectoryGrain>(0).All())
        {
            await grains.GetGrain<IReferrerGrain>(ReferrerKeys.For(campaign, userId)).Forget();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The referral record of new user {UserId} could not be written.")]
    private static partial void LogSignupFailed(ILogger logger, Guid userId, Exception exception);
}
