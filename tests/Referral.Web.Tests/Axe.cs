using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Referral.Web.Tests;

/// <summary>
/// axe-core (from the web client's npm dev dependencies) run inside the page. The script is
/// evaluated through the DevTools protocol, which the page's CSP does not govern, so the app's
/// strict policy stays as shipped.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(Screenshots.RepositoryRoot(), "api", "web", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: build the api project (it runs npm ci in api/web).");
    });

    /// <summary>Fails with every serious or critical violation on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Script.Value);
        }

        var json = await page.EvaluateAsync<string>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ["violations"] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")) })));
            }
            """);
        using var violations = JsonDocument.Parse(json);
        Assert.True(violations.RootElement.GetArrayLength() == 0, $"axe found serious/critical violations on {what} ({page.Url}): {json}");
    }
}
