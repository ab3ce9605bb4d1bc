using System.Globalization;
using System.Net.Mail;
using Referral.Grains.Accounts;

namespace Referral.Api.Auth;

/// <summary>Access tokens, account keys, first admins and browser origins. Bound from the <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>ASVS and the issue cap access tokens at 15 minutes: a stolen one is useful for that long at most.</summary>
    public static readonly TimeSpan MaxAccessTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>More skew than this would stretch every token's life noticeably past its stated expiry.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The <c>iss</c> of tokens this api mints and accepts. Default: referral.</summary>
    public string Issuer { get; set; } = "referral";

    /// <summary>The <c>aud</c> of tokens this api mints and accepts. Default: referral-api.</summary>
    public string Audience { get; set; } = "referral-api";

    /// <summary>Lifetime of an access token, at most 15 minutes. Default: 00:15:00.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = MaxAccessTokenLifetime;

    /// <summary>
    /// How long a hub connection opened without a token may stay open without signing in
    /// (<c>SignInGuest</c>); it can do nothing else meanwhile. Between 1 second and 5 minutes.
    /// Default: 00:00:30.
    /// </summary>
    public TimeSpan AnonymousHubTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Hub connections without a token (not yet signed in) one client address may hold open at
    /// once; the next is closed with <c>rate_limited</c>. Players behind one NAT sign in within a
    /// second or two of connecting, so few are anonymous at any moment. Between 1 and 100,000.
    /// Default: 100.
    /// </summary>
    public int AnonymousHubConnectionsPerAddress { get; set; } = 100;

    /// <summary>Tolerance for clocks of different api nodes when checking exp/nbf, at most 30 seconds. Default: 00:00:30.</summary>
    public TimeSpan ClockSkew { get; set; } = MaxClockSkew;

    /// <summary>
    /// HS256 keys; the first signs, all validate (rotate by adding a new key first, then removing
    /// the old one after one access-token lifetime). Default: none; single-node memory mode
    /// generates a development key, every other mode requires one.
    /// </summary>
    public IList<SigningKeyOptions> SigningKeys { get; } = [];

    /// <summary>
    /// Base64 of at least 32 bytes: the HMAC secret that turns emails and device ids into grain
    /// keys. Changing it orphans every account, so it is set once per deployment. Default: none;
    /// single-node memory mode generates one, every other mode requires it.
    /// </summary>
    public string? AccountKeySecret { get; set; }

    /// <summary>Emails that are made admins when they register, upgrade or log in. Default: none.</summary>
    public IList<string> Admins { get; } = [];

    /// <summary>
    /// Browser origins (scheme://host[:port]) allowed to call the api (CORS) and to open the hub
    /// (Origin check; CORS does not cover WebSockets). Requests without Origin (native apps) are
    /// not affected. Default: none (no browser origin).
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    /// <param name="keysRequired">False only in single-node memory mode, where missing keys are generated.</param>
    public IReadOnlyList<string> Validate(bool keysRequired)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            errors.Add("Auth:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            errors.Add("Auth:Audience must not be empty.");
        }

        if (AccessTokenLifetime <= TimeSpan.Zero || AccessTokenLifetime > MaxAccessTokenLifetime)
        {
            errors.Add($"Auth:AccessTokenLifetime must be more than 0 and at most {MaxAccessTokenLifetime}, not {AccessTokenLifetime}.");
        }

        if (AnonymousHubTimeout < TimeSpan.FromSeconds(1) || AnonymousHubTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Auth:AnonymousHubTimeout must be between 00:00:01 and 00:05:00, not {AnonymousHubTimeout}.");
        }

        if (AnonymousHubConnectionsPerAddress is < 1 or > 100_000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Auth:AnonymousHubConnectionsPerAddress must be between 1 and 100000, not {AnonymousHubConnectionsPerAddress}."));
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > MaxClockSkew)
        {
            errors.Add($"Auth:ClockSkew must be between 0 and {MaxClockSkew}, not {ClockSkew}.");
        }

        if (SigningKeys.Count == 0 && keysRequired)
        {
            errors.Add("Auth:SigningKeys is required outside single-node memory mode: set Auth:SigningKeys:0:Id and Auth:SigningKeys:0:Key (base64 of 32+ random bytes).");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < SigningKeys.Count; i++)
        {
            var key = SigningKeys[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Auth:SigningKeys:{i}");
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                errors.Add($"{at}:Id must not be empty.");
            }
            else if (!ids.Add(key.Id))
            {
                errors.Add($"{at}:Id '{key.Id}' is used by another signing key.");
            }

            if (DecodeSecret(key.Key) is null)
            {
                errors.Add($"{at}:Key must be base64 of at least {AccountKeys.MinimumSecretBytes} bytes.");
            }
        }

        if (string.IsNullOrWhiteSpace(AccountKeySecret))
        {
            if (keysRequired)
            {
                errors.Add("Auth:AccountKeySecret is required outside single-node memory mode: base64 of 32+ random bytes, the same on every api node and never changed.");
            }
        }
        else if (DecodeSecret(AccountKeySecret) is null)
        {
            errors.Add($"Auth:AccountKeySecret must be base64 of at least {AccountKeys.MinimumSecretBytes} bytes.");
        }

        for (var i = 0; i < Admins.Count; i++)
        {
            if (!MailAddress.TryCreate(Admins[i], out _))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Auth:Admins:{i} must be an email address."));
            }
        }

        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            if (AllowedOriginList.Normalize(AllowedOrigins[i]) is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Auth:AllowedOrigins:{i} must be an origin like https://play.example.com (scheme, host and optional port; no path), not '{AllowedOrigins[i]}'."));
            }
        }

        return errors;
    }

    /// <summary>The bytes of a base64 secret of at least 32 bytes, or null.</summary>
    public static byte[]? DecodeSecret(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= AccountKeys.MinimumSecretBytes
            ? buffer[..written]
            : null;
    }
}
