using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Infrastructure;
using Referral.Api.Operations;
using Referral.Api.Referrals;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;

namespace Referral.Api.Auth;

/// <summary>
/// Signing in and out: register, login, guest, refresh (anonymous by necessity, each behind its
/// own rate limit) and logout (signed in).
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        // Anonymous on purpose: these are how a caller gets a token in the first place.
        var open = group.MapGroup("").AllowAnonymous();
        open.MapPost("/register", Register).WithName("Register").RequireRateLimiting(RateLimitPolicies.Register);
        open.MapPost("/login", Login).WithName("Login").RequireRateLimiting(RateLimitPolicies.Login);
        open.MapPost("/guest", Guest).WithName("GuestSignIn");
        open.MapPost("/refresh", Refresh).WithName("Refresh").RequireRateLimiting(RateLimitPolicies.Refresh);

        group.MapPost("/logout", Logout).WithName("Logout")
            .RequireAuthorization(Policies.Player)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        return app;
    }

    private static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest body, HttpContext http, AccountDirectory accounts, SessionResponses sessions, SecurityEvents events, ReferralSignups referrals,
        OperationsCounters operations)
    {
        var errors = new Dictionary<string, string[]>();
        InputRules.Email(errors, "email", body.Email);
        InputRules.Password(errors, "password", body.Password);
        InputRules.RequiredText(errors, "displayName", body.DisplayName);
        InputRules.RequiredText(errors, "locale", body.Locale);
        InputRules.OptionalText(errors, "referralCode", body.ReferralCode);
        InputRules.OptionalText(errors, "device", body.Device);
        InputRules.OptionalDeviceId(errors, "deviceId", body.DeviceId);

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await referrals.CheckCode(body.ReferralCode) is { } unknownCode)
        {
            return unknownCode;
        }

        var email = body.Email!.Trim();
        var admin = accounts.IsConfiguredAdmin(email);
        var registered = await accounts.Account(email).Register(new RegisterAccount(
            Guid.NewGuid(), email, body.Password!, body.DisplayName!, body.Locale!, body.ReferralCode, admin));
        if (!registered.Ok)
        {
            return AccountProblems.From(http, registered.Error!, registered.Detail);
        }

        var user = registered.Value!;
        var grant = await accounts.User(user.Id).OpenSession(new OpenSession(body.Device));
        if (!grant.Ok)
        {
            return AccountProblems.From(http, grant.Error!, grant.Detail);
        }

        operations.SignedUp();
        await referrals.Record(http, user.Id, user.DisplayName, email, body.DeviceId, body.ReferralCode);
        events.Registered(user.Id, admin);
        return TypedResults.Created("/api/me", sessions.From(grant.Value!));
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest body, HttpContext http, AccountDirectory accounts, LoginThrottle throttle, SessionResponses sessions, SecurityEvents events)
    {
        var errors = new Dictionary<string, string[]>();
        InputRules.Email(errors, "email", body.Email);
        InputRules.Password(errors, "password", body.Password);
        InputRules.OptionalText(errors, "device", body.Device);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var email = body.Email!.Trim();
        var accountKey = accounts.AccountKey(email);
        if (!throttle.TryAcquire(accountKey, out var wait))
        {
            events.LoginRefused("per-account rate limit");
            return AccountProblems.TooMany(http, wait, ProblemCodes.RateLimited, "Too many login attempts for this account; try again later.");
        }

        // Unknown email and wrong password take the same path and get the same answer: the grain
        // spends the same hashing work on both, so neither status, body nor time tells them apart.
        var check = await accounts.AccountByKey(accountKey).VerifyPassword(body.Password!);
        if (check.UserId is not { } userId)
        {
            events.LoginRefused(check.Error ?? AccountErrors.InvalidCredentials);
            return AccountProblems.From(http, check.Error ?? AccountErrors.InvalidCredentials, null, retryAfter: check.RetryAfter);
        }

        var user = accounts.User(userId);
        if (accounts.IsConfiguredAdmin(email) && await user.Find() is { } current && !current.Roles.Contains(Roles.Admin))
        {
            // Auth:Admins is how the first admin appears; it also restores one whose role was lost.
            await user.SetRoles([.. current.Roles, Roles.Admin]);
            events.AdminGranted(userId);
        }

        var grant = await user.OpenSession(new OpenSession(body.Device));
        if (!grant.Ok)
        {
            // The account outlived its user (deleted between the two calls): same answer as a wrong password.
            events.LoginRefused(grant.Error!);
            return AccountProblems.From(http, AccountErrors.InvalidCredentials, null);
        }

        events.SignedIn(userId, grant.Value!.FamilyId);
        return TypedResults.Ok(sessions.From(grant.Value));
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Guest(
        GuestRequest body, HttpContext http, GuestSignIns guests)
    {
        // The guest budget per address is shared with the hub's SignInGuest (GuestSignIns), so it
        // is counted here rather than by the rate-limiting middleware, which keeps its own.
        if (!guests.TryAcquire(RateLimitingExtensions.ClientIp(http), out var retryAfter))
        {
            return AccountProblems.TooMany(http, retryAfter, ProblemCodes.RateLimited, "Too many requests; try again later.");
        }

        var errors = GuestSignIns.Validate(body);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var outcome = await guests.SignInAsync(body);
        return outcome.Response is { } response
            ? TypedResults.Ok(response)
            : AccountProblems.From(http, outcome.Error!, outcome.Detail);
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest body, HttpContext http, AccountDirectory accounts, SessionResponses sessions, SecurityEvents events)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken) || body.RefreshToken.Length > InputRules.MaxTextLength)
        {
            return Problems.Field("refreshToken", "Required: the refresh token of the last sign-in or refresh.");
        }

        // The token names its user and family, so it goes straight to the one grain that can check it.
        if (!RefreshTokens.TryParse(body.RefreshToken, out var userId, out var familyId))
        {
            return AccountProblems.From(http, AccountErrors.InvalidRefreshToken, null);
        }

        var grant = await accounts.User(userId).Refresh(body.RefreshToken);
        if (!grant.Ok)
        {
            events.RefreshRefused(userId, familyId, grant.Error!);
            return AccountProblems.From(http, grant.Error!, grant.Detail);
        }

        return TypedResults.Ok(sessions.From(grant.Value!));
    }

    private static async Task<NoContent> Logout(LogoutRequest? body, ClaimsPrincipal principal, AccountDirectory accounts, SecurityEvents events)
    {
        var userId = principal.UserId();
        var user = accounts.User(userId);
        if (principal.SessionId() is { } sessionId)
        {
            await user.RevokeSession(sessionId);
            events.SessionEnded(userId, sessionId);
        }

        // A refresh token in the body ends its session too, but only if it is the caller's own:
        // someone else's token is ignored without saying so.
        if (RefreshTokens.TryParse(body?.RefreshToken, out var owner, out var familyId) && owner == userId && familyId != principal.SessionId())
        {
            await user.RevokeSession(familyId);
            events.SessionEnded(userId, familyId);
        }

        return TypedResults.NoContent();
    }
}
