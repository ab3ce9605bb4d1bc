using Microsoft.Extensions.Options;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>Stops start-up when the <c>Webhooks</c> section is wrong, naming each wrong setting.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
