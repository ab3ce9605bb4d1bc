using Referral.Testing;

namespace Referral.Api.Tests.Auth;

/// <summary>One cell of the matrix: who asks (<paramref name="Caller"/> is null for anonymous).</summary>
public sealed record MatrixCase(AccountsApiFixture Fixture, Actor Actor, TestUser? Caller, CancellationToken Ct);
