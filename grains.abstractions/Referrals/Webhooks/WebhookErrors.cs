namespace Referral.Grains.Abstractions.Referrals.Webhooks;

/// <summary>Stable error codes of operator webhooks (ProblemDetails <c>code</c>).</summary>
public static class WebhookErrors
{
    /// <summary>The URL is missing, too long, not absolute, not http/https, or carries credentials or a fragment.</summary>
    public const string InvalidUrl = "webhook_invalid_url";

    /// <summary>The secret is shorter or longer than allowed, or not printable ASCII.</summary>
    public const string InvalidSecret = "webhook_invalid_secret";

    /// <summary>A test event was asked for, but the campaign has no webhook.</summary>
    public const string NotConfigured = "webhook_not_configured";
}
