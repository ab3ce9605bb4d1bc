namespace Referral.Grains.Accounts;

/// <summary>
/// A user as stored. Every <c>Protected*</c> field is Data Protection ciphertext
/// (<see cref="IPersonalDataProtector"/>): grain storage never holds an email, name, referral
/// code or device label in clear.
/// </summary>
[GenerateSerializer, Alias("Referral.UserState")]
public sealed class UserState
{
    [Id(0)] public bool Created { get; set; }

    [Id(1)] public string? ProtectedDisplayName { get; set; }

    [Id(2)] public string Locale { get; set; } = "en";

    [Id(3)] public string? ProtectedEmail { get; set; }

    /// <summary>The referral code given at sign-up, kept for the referral engine.</summary>
    [Id(4)] public string? ProtectedReferralCode { get; set; }

    [Id(5)] public List<string> Roles { get; set; } = [];

    [Id(6)] public bool IsGuest { get; set; }

    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Deleted users stay as anonymous tombstones so ledger and analytics rows keep their id.</summary>
    [Id(8)] public bool Deleted { get; set; }

    [Id(9)] public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Refresh-token families, one per login on a device.</summary>
    [Id(10)] public List<RefreshFamilyState> Families { get; set; } = [];
}
