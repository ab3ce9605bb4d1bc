using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>Body of <c>POST /api/admin/campaigns/{id}/status</c>.</summary>
public sealed record CampaignStatusRequest(CampaignStatus? Status);
