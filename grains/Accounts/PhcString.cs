using System.Globalization;

namespace Referral.Grains.Accounts;

/// <summary>
/// Reads the parameters of a PHC-format Argon2id hash,
/// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c>: the format carries its own cost,
/// so parameters can be raised later and old hashes still verify.
/// </summary>
public static class PhcString
{
    public const string Algorithm = "argon2id";

    /// <summary>Argon2 version 1.3.</summary>
    public const int Version = 19;

    /// <returns>False when <paramref name="phc"/> is not an Argon2id v19 string with p = 1.</returns>
    public static bool TryReadParameters(string? phc, out Argon2Parameters parameters)
    {
        parameters = Argon2Parameters.Owasp;
        if (phc is null)
        {
            return false;
        }

        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != Algorithm || parts[2] != "v=" + Version.ToString(CultureInfo.InvariantCulture))
        {
            return false;
        }

        int? memory = null, iterations = null, parallelism = null;
        foreach (var pair in parts[3].Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !int.TryParse(pair.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (pair[..eq])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return false;
            }
        }

        if (memory is null || iterations is null || parallelism != Argon2Parameters.Parallelism)
        {
            return false;
        }

        parameters = new Argon2Parameters(memory.Value, iterations.Value);
        return true;
    }
}
