using Microsoft.Playwright;

namespace Referral.Web.Tests;

/// <summary>
/// Small PNG screenshots of the main screens. Every run writes them next to the test binaries
/// (screenshots/); docs/screenshots keeps a copy that a run writes when it is missing, or always
/// with REFERRAL_UPDATE_SCREENSHOTS=1 (PINs and scores differ per run: rewriting them every time
/// would leave every developer's tree dirty).
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(output);
        var path = Path.Combine(output, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, Type = ScreenshotType.Png, FullPage = false });

        var docs = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        var kept = Path.Combine(docs, name + ".png");
        if (!File.Exists(kept) || Environment.GetEnvironmentVariable("REFERRAL_UPDATE_SCREENSHOTS") == "1")
        {
            Directory.CreateDirectory(docs);
            File.Copy(path, kept, overwrite: true);
        }
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
