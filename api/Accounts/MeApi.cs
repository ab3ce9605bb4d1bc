using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Api.Referrals;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Accounts;

/// <summary>
/// The caller's own account. Every handler acts on the user named by the token's <c>sub</c> and
/// takes no user id from the request, so no player can reach another's data through these routes.
/// </summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Me")
            .RequireAuthorization(Policies.Player)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        group.MapGet("", Get).WithName("GetMe");
        group.MapPatch("", Update).WithName("UpdateMe");
        group.MapDelete("", Delete).WithName("DeleteMe");
        group.MapPost("/upgrade", Upgrade).WithName("UpgradeGuest").RequireRateLimiting(RateLimitPolicies.Credentials);
        group.MapPost("/password", ChangePassword).WithName("ChangePassword").RequireRateLimiting(RateLimitPolicies.Credentials);
        group.MapGet("/export", Export).WithName("ExportMe");
        group.MapGet("/sessions", Sessions).WithName("ListSessions");
        group.MapDelete("/sessions/{sessionId:guid}", EndSession).WithName("EndSession");
        return app;
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> Get(ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts)
    {
        var user = await accounts.User(principal.UserId()).Find();
        return user is null
            ? AccountProblems.From(http, AccountErrors.UserNotFound, null)
            : TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> Update(
        ProfileUpdateRequest body, ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts)
    {
        var errors = new Dictionary<string, string[]>();
        InputRules.OptionalText(errors, "displayName", body.DisplayName);
        InputRules.OptionalText(errors, "locale", body.Locale);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var updated = await accounts.User(principal.UserId()).UpdateProfile(new ProfileUpdate(body.DisplayName, body.Locale));
        return updated.Ok
            ? TypedResults.Ok(UserResponse.From(updated.Value!))
            : AccountProblems.From(http, updated.Error!, updated.Detail);
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Upgrade(
        UpgradeRequest body, ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts, SessionResponses sessions, SecurityEvents events,
        ReferralSignups referrals)
    {
        var errors = new Dictionary<string, string[]>();
        InputRules.Email(errors, "email", body.Email);
        InputRules.Password(errors, "password", body.Password);
        InputRules.OptionalText(errors, "device", body.Device);
        InputRules.OptionalText(errors, "referralCode", body.ReferralCode);
        InputRules.OptionalDeviceId(errors, "deviceId", body.DeviceId);

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await referrals.CheckCode(body.ReferralCode) is { } unknownCode)
        {
            return unknownCode;
        }

        var userId = principal.UserId();
        var email = body.Email!.Trim();
        var admin = accounts.IsConfiguredAdmin(email);
        var upgraded = await accounts.Account(email).UpgradeGuest(new UpgradeGuest(userId, email, body.Password!, admin));
        if (!upgraded.Ok)
        {
            return AccountProblems.From(http, upgraded.Error!, upgraded.Detail);
        }

        // New credentials, new roles: a new session carries them, and the guest session ends
        // (ASVS: a new session on every authentication).
        var user = accounts.User(userId);
        var grant = await user.OpenSession(new OpenSession(body.Device));
        if (!grant.Ok)
        {
            return AccountProblems.From(http, grant.Error!, grant.Detail);
        }

        if (principal.SessionId() is { } guestSession)
        {
            await user.RevokeSession(guestSession);
        }

        await referrals.Record(http, userId, (await user.Find())?.DisplayName ?? "", email, body.DeviceId, body.ReferralCode);
        events.Upgraded(userId, admin);
        return TypedResults.Ok(sessions.From(grant.Value!));
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> ChangePassword(
        PasswordChangeRequest body, ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts, SessionResponses sessions, SecurityEvents events)
    {
        var errors = new Dictionary<string, string[]>();
        InputRules.Password(errors, "currentPassword", body.CurrentPassword);
        InputRules.Password(errors, "newPassword", body.NewPassword);
        InputRules.OptionalText(errors, "device", body.Device);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var userId = principal.UserId();
        var user = accounts.User(userId);
        if (await user.Find() is not { } current)
        {
            return AccountProblems.From(http, AccountErrors.UserNotFound, null);
        }

        if (current.Email is null)
        {
            return Problems.Status(StatusCodes.Status409Conflict, ProblemCodes.NoPassword, "Guest accounts have no password; upgrade to an email account first.");
        }

        var changed = await accounts.Account(current.Email).ChangePassword(userId, body.CurrentPassword!, body.NewPassword!);
        if (!changed.Ok)
        {
            // A wrong current password is a field error of this form, not a failed sign-in: a 401
            // would tell the client its access token is bad.
            return changed.Error == AccountErrors.InvalidCredentials
                ? Problems.Field("currentPassword", "The current password is wrong.", AccountErrors.InvalidCredentials)
                : AccountProblems.From(http, changed.Error!, changed.Detail, passwordField: "newPassword");
        }

        // The grain revoked every session with the old password; this device stays signed in with a new one.
        var grant = await user.OpenSession(new OpenSession(body.Device));
        if (!grant.Ok)
        {
            return AccountProblems.From(http, grant.Error!, grant.Detail);
        }

        events.PasswordChanged(userId);
        return TypedResults.Ok(sessions.From(grant.Value!));
    }

    private static async Task<Results<Ok<UserExport>, ProblemHttpResult>> Export(ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts)
    {
        var export = await accounts.User(principal.UserId()).Export();
        return export.Ok ? TypedResults.Ok(export.Value!) : AccountProblems.From(http, export.Error!, export.Detail);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts, SecurityEvents events, ReferralSignups referrals)
    {
        var userId = principal.UserId();
        var user = accounts.User(userId);
        if (await user.Find() is not { } current)
        {
            return AccountProblems.From(http, AccountErrors.UserNotFound, null);
        }

        // The user first: once it is a tombstone every token of it is refused, and an account
        // left unreleased by a crash here frees itself (the account grain sees a deleted holder).
        var deleted = await user.Delete();
        if (!deleted.Ok)
        {
            return AccountProblems.From(http, deleted.Error!, deleted.Detail);
        }

        if (current.Email is not null)
        {
            await accounts.Account(current.Email).Release(userId);
        }

        await referrals.Forget(userId);

        // A guest's device link is not forgotten here: the api never learns a device id after
        // sign-in, and the device grain hands out a new guest once its user is deleted.
        events.Deleted(userId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<SessionView>>, ProblemHttpResult>> Sessions(
        ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts, TimeProvider time)
    {
        var export = await accounts.User(principal.UserId()).Export();
        if (!export.Ok)
        {
            return AccountProblems.From(http, export.Error!, export.Detail);
        }

        var now = time.GetUtcNow();
        var current = principal.SessionId();
        IReadOnlyList<SessionView> live = export.Value!.Sessions
            .Where(s => !s.Revoked && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .Select(s => new SessionView(s.FamilyId, s.Device, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.FamilyId == current))
            .ToList();
        return TypedResults.Ok(live);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndSession(
        Guid sessionId, ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts, SecurityEvents events)
    {
        var userId = principal.UserId();
        var user = accounts.User(userId);
        var export = await user.Export();
        if (!export.Ok)
        {
            return AccountProblems.From(http, export.Error!, export.Detail);
        }

        // Only the caller's own live sessions exist here; anyone else's id is simply not found.
        if (!export.Value!.Sessions.Any(s => s.FamilyId == sessionId && !s.Revoked))
        {
            return Problems.Status(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "No such session.");
        }

        await user.RevokeSession(sessionId);
        events.SessionEnded(userId, sessionId);
        return TypedResults.NoContent();
    }
}
