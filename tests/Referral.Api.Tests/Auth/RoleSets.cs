namespace Referral.Api.Tests.Auth;

/// <summary>Role lists sent to <c>PUT /api/admin/users/{id}/roles</c>.</summary>
public static class RoleSets
{
    public static readonly string[] Player = ["player"];

    public static readonly string[] PlayerHost = ["player", "host"];

    public static readonly string[] Unknown = ["player", "superuser"];
}
