namespace Referral.Api.Admin;

/// <summary>Body of <c>PUT /api/admin/users/{id}/roles</c>: the complete new role list (player is always kept).</summary>
public sealed record RolesRequest(IReadOnlyList<string>? Roles);
