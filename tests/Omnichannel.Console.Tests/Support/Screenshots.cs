using Microsoft.Playwright;

namespace Omnichannel.OperationsConsole.Tests.Support;

/// <summary>
/// Screenshots the tests take (desk 1280x900 and phone 390x844). They go to the test's output folder; with
/// <c>HUB_CONSOLE_SCREENSHOTS=docs</c> also to the repository's <c>docs/console/</c>, which the README shows, so
/// refreshing them is one run and an ordinary test run leaves the working tree clean.
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false, Animations = ScreenshotAnimations.Disabled });
        Assert.True(bytes.Length > 1000, $"screenshot {name} is empty");
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        if (Environment.GetEnvironmentVariable("HUB_CONSOLE_SCREENSHOTS") == "docs" && RepositoryRoot() is { } root)
        {
            var docs = Path.Combine(root, "docs", "console");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), bytes);
        }
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichannel.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
