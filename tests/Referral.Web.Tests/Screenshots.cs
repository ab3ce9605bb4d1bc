using Microsoft.Playwright;

namespace Referral.Web.Tests;

/// <summary>Small PNG screenshots of the main screens, kept in docs/screenshots (the tests refresh them).</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var directory = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), Type = ScreenshotType.Png, FullPage = false });
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Referral.Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Referral.Orleans.sln not found above " + AppContext.BaseDirectory);
    }
}
