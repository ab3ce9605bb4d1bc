using Microsoft.Extensions.Options;

namespace Referral.Grains.Accounts;

/// <summary>Stops start-up when the <c>Accounts</c> section is wrong, naming each wrong setting.</summary>
public sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
