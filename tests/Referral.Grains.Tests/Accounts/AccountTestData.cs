using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;

namespace Referral.Grains.Tests.Accounts;

/// <summary>Commands and keys for account tests; every call makes a fresh email so tests never collide.</summary>
internal static class AccountTestData
{
    public const string Password = "violet-harbour-9-lanterns";

    public static readonly byte[] KeySecret = new byte[AccountKeys.MinimumSecretBytes];

    public static string NewEmail() => $"Player.{Guid.NewGuid():N}@Example.test";

    public static string KeyOf(string email) => AccountKeys.ForEmail(KeySecret, email);

    public static string DeviceKeyOf(string deviceId) => AccountKeys.ForDevice(KeySecret, deviceId);

    public static RegisterAccount Register(string email, Guid? userId = null, string password = Password, bool admin = false) =>
        new(userId ?? Guid.NewGuid(), email, password, "Ada Lovelace", "en-GB", "FRIEND-42", admin);

    /// <summary>Views compare by value, roles included (records compare lists by reference).</summary>
    public static void AssertSameUser(UserView? expected, UserView? actual)
    {
        Xunit.Assert.NotNull(expected);
        Xunit.Assert.NotNull(actual);
        Xunit.Assert.Equal(expected.Roles, actual.Roles);
        Xunit.Assert.Equal(expected with { Roles = [] }, actual with { Roles = [] });
    }

    public static IAccountGrain Account(this IClusterClient client, string email) => client.GetGrain<IAccountGrain>(KeyOf(email));

    public static IUserGrain User(this IClusterClient client, Guid id) => client.GetGrain<IUserGrain>(id);
}
