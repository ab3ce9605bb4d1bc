namespace Referral.Grains.Referrals;

/// <summary>The fraud rules and the points each adds to a referral's score.</summary>
public static class FraudRules
{
    /// <summary>The friend is the referrer's own account.</summary>
    public const string SelfAccount = "self_account";

    /// <summary>Same mailbox once dots and plus-tags are removed where the provider ignores them.</summary>
    public const string SameEmail = "same_email";

    /// <summary>Same app device id as the referrer.</summary>
    public const string SameDeviceId = "same_device_id";

    /// <summary>The friend referred the referrer, directly or up the chain.</summary>
    public const string Loop = "referral_loop";

    /// <summary>Same client device fingerprint as the referrer: flagged, not blocked (a shared family device).</summary>
    public const string SameDevice = "same_device_fingerprint";

    /// <summary>Same network and user agent as the referrer: flagged, not blocked (coworkers share networks).</summary>
    public const string SameNetworkAndAgent = "same_network_and_agent";

    /// <summary>A disposable email domain.</summary>
    public const string DisposableEmail = "disposable_email";

    /// <summary>More signups on one referrer's link in an hour than the campaign allows.</summary>
    public const string Velocity = "velocity";

    /// <summary>Points per rule: self-referral and loops alone reach high risk; the flags reach medium.</summary>
    public static int Points(string rule) => rule switch
    {
        SelfAccount or SameEmail or SameDeviceId or Loop => 100,
        DisposableEmail => 40,
        SameDevice or SameNetworkAndAgent or Velocity => 30,
        _ => 0,
    };

    /// <summary>Rules that make a high score a self-referral rather than generic fraud.</summary>
    public static bool IsSelfReferral(string rule) => rule is SelfAccount or SameEmail or SameDeviceId;
}
