using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;

namespace Referral.Api.Hubs;

/// <summary>
/// Guest sign-in on the game connection itself: a player who joins by PIN opens one connection
/// without a token, signs in on it and joins, with no HTTP request before it. The same sign-in as
/// <c>POST /api/auth/guest</c> (<see cref="GuestSignIns"/>: same budget per address, same rules,
/// same response), and the connection is the new session's from then on.
/// </summary>
public sealed partial class GameHub
{
    /// <summary>
    /// Signs this anonymous connection in as the guest of <paramref name="deviceId"/> (a new one the
    /// first time) and returns the session, tokens included, as the HTTP sign-in does. Refused on a
    /// connection that is signed in already (<c>already_signed_in</c>).
    /// </summary>
    [AllowAnonymous]
    public Task<AuthResponse> SignInGuest(string? displayName, string? deviceId, string? locale, string? device, [FromServices] GuestSignIns guests, [FromServices] AuthOptions auth) =>
        SignInAsGuest(new GuestRequest(displayName, deviceId, locale, device), guests, auth, counted: false);

    /// <summary>
    /// The sign-in behind <see cref="SignInGuest"/> and <see cref="JoinRoomAsGuest"/>: this
    /// connection becomes the new session's, or a hub error says why not and nothing changed.
    /// <paramref name="counted"/>: the caller has drawn on the address's guest budget already.
    /// </summary>
    private async Task<AuthResponse> SignInAsGuest(GuestRequest request, GuestSignIns guests, AuthOptions auth, bool counted)
    {
        ArgumentNullException.ThrowIfNull(guests);
        ArgumentNullException.ThrowIfNull(auth);
        using var signIn = HubAccessFilter.BeginSignIn(Context) ?? throw AlreadySignedIn();
        if (!counted)
        {
            CountGuestSignIn(guests);
        }

        var errors = GuestSignIns.Validate(request);
        if (errors.Count > 0)
        {
            throw Error(ProblemCodes.ValidationFailed, Fields(errors));
        }

        var outcome = await guests.SignInAsync(request);
        if (outcome.Response is not { } response)
        {
            // The HTTP sign-in's words for a refused field (invalid_profile names it in the detail).
            throw Error(outcome.Error!, outcome.Detail is { } field ? $"{field}: {AccountProblems.ProfileMessage(field)}" : "The sign-in was refused.");
        }

        var grant = outcome.Grant!;
        signIn.Complete(
            AccessTokenHandler.Identity(
                grant.User.Id.ToString(),
                grant.FamilyId.ToString(),
                grant.User.Roles,
                response.AccessTokenExpiresAt.ToUnixTimeSeconds(),
                auth.Issuer),
            response.AccessTokenExpiresAt);
        return response;
    }

    /// <summary>One guest sign-in from the caller's address, or the hub error <c>rate_limited</c>.</summary>
    private void CountGuestSignIn(GuestSignIns guests)
    {
        if (!guests.TryAcquire(RateLimitingExtensions.ClientIp(Context), out var retryAfter))
        {
            var seconds = RateLimitRule.RetryAfterSeconds(retryAfter);
            throw Error(ProblemCodes.RateLimited, string.Create(CultureInfo.InvariantCulture, $"Too many guest sign-ins from this address; try again in {seconds} s."));
        }
    }

    private static HubException AlreadySignedIn() =>
        Error(HubAccessFilter.AlreadySignedIn, "This connection is signed in already; a connection belongs to one user.");

    /// <summary>"field: message; field: message", fields in name order.</summary>
    private static string Fields(Dictionary<string, string[]> errors) =>
        string.Join("; ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
