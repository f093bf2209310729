using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Headless Chromium for the page tests, and the look-and-accessibility check every page gets.</summary>
internal static class Browsers
{
    public static readonly string Screenshots = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    /// <summary>The widths a page is looked at: a desktop and a phone.</summary>
    static readonly int[] Widths = [1280, 375];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Opens the page at each width, keeps a full-page screenshot (<c>{name}-{width}.png</c>) and asserts that axe finds
    /// nothing serious or critical; returns the page's text.
    /// </summary>
    public static async Task<string> LookAtAsync(IBrowser browser, Uri url, string name)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var text = "";
        foreach (var width in Widths)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
            await page.GotoAsync(url.ToString());
            await ShotAsync(page, $"{name}-{width}");
            await AssertAccessibleAsync(page);
            text = await page.InnerTextAsync("body");
            await page.CloseAsync();
        }

        return text;
    }

    /// <summary>Keeps a full-page screenshot of the page as it is now (<c>{name}.png</c>).</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
    }

    /// <summary>Asserts that axe finds nothing serious or critical on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }
}
