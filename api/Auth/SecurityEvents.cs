namespace Referral.Api.Auth;

/// <summary>
/// The security event log (ASVS V16): sign-ins, failures, revocations, role changes. Lines name
/// user and session ids only: never an email, a password, a device id or a token.
/// </summary>
public sealed partial class SecurityEvents(ILogger<SecurityEvents> logger)
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Registered user {UserId} (admin: {Admin}).")]
    public partial void Registered(Guid userId, bool admin);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in; session {SessionId}.")]
    public partial void SignedIn(Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guest user {UserId} signed in; session {SessionId}.")]
    public partial void GuestSignedIn(Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused: {Reason}.")]
    public partial void LoginRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh refused for session {SessionId} of user {UserId}: {Reason}.")]
    public partial void RefreshRefused(Guid userId, Guid sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} ended session {SessionId}.")]
    public partial void SessionEnded(Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guest {UserId} upgraded to an email account (admin: {Admin}).")]
    public partial void Upgraded(Guid userId, bool admin);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} changed their password; other sessions revoked.")]
    public partial void PasswordChanged(Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} deleted their account.")]
    public partial void Deleted(Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} given the admin role from Auth:Admins at sign-in.")]
    public partial void AdminGranted(Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {ActorId} set the roles of user {UserId} to {Roles}.")]
    public partial void RolesChanged(Guid actorId, Guid userId, string roles);
}
