using System.Security.Cryptography;

namespace Referral.Grains.Quiz;

/// <summary>
/// Six-digit room PINs drawn uniformly from 000000–999999 with a CSPRNG, so the next room's PIN
/// cannot be guessed from the last one. Uniqueness among live rooms is enforced by the PIN
/// grain, which the room claims (and retries with a new PIN on collision).
/// </summary>
public static class RoomPins
{
    public const int Length = 6;

    public static string Next() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsWellFormed(string? pin) => pin is { Length: Length } && pin.All(char.IsAsciiDigit);
}
