using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Auth;

/// <summary>A guest sign-in: the response and the grant it was made from, or an <see cref="AccountErrors"/> code.</summary>
public sealed record GuestOutcome(AuthResponse? Response, SessionGrant? Grant, string? Error, string? Detail);
