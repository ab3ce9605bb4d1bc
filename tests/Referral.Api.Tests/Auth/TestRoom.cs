namespace Referral.Api.Tests.Auth;

/// <summary>A live room the standing host opened for one matrix cell.</summary>
public sealed record TestRoom(Guid Id, string Pin);
