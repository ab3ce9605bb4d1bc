using Microsoft.Playwright;

namespace Referral.Web.Tests;

/// <summary>
/// The system's Debian Chromium, driven by Playwright (docs/testing.md). Playwright's own browser
/// download is never used: it is not reachable from the project's machines.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>REFERRAL_CHROMIUM overrides the path (another distribution's binary).</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("REFERRAL_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}: the browser tests need it. Install it with 'apt-get install -y chromium' " +
                "(Debian; ./test.sh does this when run as root), or point REFERRAL_CHROMIUM at a Chromium binary.");
        }

        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }
}
