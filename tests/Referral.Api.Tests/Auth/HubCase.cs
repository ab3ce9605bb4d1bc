using Referral.Testing;

namespace Referral.Api.Tests.Auth;

/// <summary>One cell of the hub matrix: who calls, and the room (null for <see cref="RoomPhase.None"/>).</summary>
public sealed record HubCase(AccountsApiFixture Fixture, Actor Actor, TestUser? Caller, TestRoom? Room);
