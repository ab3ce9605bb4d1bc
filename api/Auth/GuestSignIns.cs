using Referral.Api.Infrastructure;
using Referral.Api.Operations;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;

namespace Referral.Api.Auth;

/// <summary>
/// Guest sign-in, the one path behind both doors: <c>POST /api/auth/guest</c> and the hub's
/// <c>SignInGuest</c>. Both draw on one budget per client address (<c>RateLimits:Guest</c>), so
/// a second door is not a second allowance; both apply the same input rules and make the same
/// grain call, so a device gets the same guest back whichever door it used.
/// </summary>
public sealed class GuestSignIns(
    AccountDirectory accounts,
    SessionResponses sessions,
    SecurityEvents events,
    OperationsCounters operations,
    RateLimitOptions limits) : IDisposable
{
    /// <summary>Locale of a guest whose app did not send one.</summary>
    public const string DefaultLocale = "en";

    private readonly KeyedThrottle _perAddress = new(limits.Guest);

    /// <summary>Counts one sign-in for the client address; false (with when to retry) when over the limit.</summary>
    public bool TryAcquire(string clientAddress, out TimeSpan? retryAfter) => _perAddress.TryAcquire(clientAddress, out retryAfter);

    /// <summary>Every invalid field of <paramref name="request"/> with its message; empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(GuestRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        InputRules.RequiredText(errors, "displayName", request?.DisplayName);
        InputRules.DeviceId(errors, "deviceId", request?.DeviceId);
        InputRules.OptionalText(errors, "locale", request?.Locale);
        InputRules.OptionalText(errors, "device", request?.Device);
        return errors;
    }

    /// <summary>
    /// Signs a valid <paramref name="request"/> in: the device's guest (a new one the first time)
    /// and a new session for it (<see cref="GuestDevices"/>). The grain refuses a display name or
    /// locale the profile rules do not accept (<see cref="GuestOutcome.Error"/>).
    /// </summary>
    public async Task<GuestOutcome> SignInAsync(GuestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = string.IsNullOrWhiteSpace(request.Locale) ? DefaultLocale : request.Locale;
        var grant = await accounts.StartGuestSession(request.DeviceId!, request.DisplayName!, locale, new OpenSession(request.Device));
        if (!grant.Ok)
        {
            return new GuestOutcome(null, null, grant.Error, grant.Detail);
        }

        // A device that had a guest gets it back: only a new user is a sign-up.
        var session = grant.Value!;
        if (session.NewUser)
        {
            operations.SignedUp();
        }

        events.GuestSignedIn(session.User.Id, session.FamilyId);
        return new GuestOutcome(sessions.From(session), session, null, null);
    }

    public void Dispose() => _perAddress.Dispose();
}
