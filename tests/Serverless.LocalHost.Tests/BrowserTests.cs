using Microsoft.Playwright;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Page tests: each test gets a headless Chromium (<see cref="Browsers.LaunchAsync"/>), closed after it.</summary>
public abstract class BrowserTests : IAsyncLifetime
{
    IPlaywright playwright = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await Browsers.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
