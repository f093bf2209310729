using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The admin dashboard in headless Chromium (<see cref="Chromium"/>; .ci/run installs Debian's): enter the key, see the
/// funnel, filter, open an application, terminate it and see its status change. A screenshot of each step is kept in
/// artifacts/screenshots.
/// </summary>
public sealed class DashboardTests(SupportHostFixture fixture) : BrowserTests, IClassFixture<SupportHostFixture>
{
    [Fact]
    public async Task AnAdmin_EntersTheKey_Filters_OpensAnApplication_AndTerminatesIt()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(fixture.Host);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/admin").ToString());
        await ShotAsync(page, "1-key");

        await page.FillAsync("#key", IntakeHostFixture.AdminKey);
        await page.ClickAsync("#keyForm button");
        await page.Locator("#funnel button[data-status='AwaitingReview'] b").WaitForAsync();
        Assert.DoesNotContain(IntakeHostFixture.AdminKey, page.Url, StringComparison.Ordinal);
        Assert.NotEqual("0", await page.Locator("#funnel button[data-status='AwaitingReview'] b").TextContentAsync());
        await ShotAsync(page, "2-funnel-and-list");

        await page.SelectOptionAsync("#status", "AwaitingReview");
        await page.FillAsync("#q", review.ReceiptNumber);
        await page.ClickAsync("#filters button");
        var row = page.Locator("#rows tr", new PageLocatorOptions { HasText = review.ReceiptNumber });
        await row.WaitForAsync();

        // The unfiltered list may show the row already; the filtered one replaces it a moment later.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await page.Locator("#rows tr").CountAsync() > 1 && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, await page.Locator("#rows tr").CountAsync());
        Assert.Equal("v3", await row.Locator("td").Last.TextContentAsync()); // which path it is on, for removing old ones
        Assert.Matches(@"^v3 \d+$", await page.Locator("#inFlightByVersion").TextContentAsync());
        await ShotAsync(page, "3-filtered");

        await row.ClickAsync();
        await page.Locator("#detailStatus[data-status='AwaitingReview']").WaitForAsync();
        Assert.Contains("AwaitingReview", await page.Locator("#timeline").InnerTextAsync() + await page.Locator("#detailStatus").GetAttributeAsync("data-status"), StringComparison.Ordinal);
        Assert.Contains("SendReviewLinkActivity", await page.Locator("#history").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Review", await page.Locator("#links").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "4-detail");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync("브라우저 테스트에서 종료");
        await page.ClickAsync("button[data-action='terminate']");
        await page.Locator("#detailStatus[data-status='Terminated']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("Terminated", (await FirmFlow.GetAsync(fixture.Host, review.Application)).GetProperty("status").GetString());
        await ShotAsync(page, "5-terminated");

        await page.ClickAsync("#lang");
        Assert.Equal("Applications", await page.Locator("h2[data-en='Applications']").TextContentAsync());
        await ShotAsync(page, "6-english");
    }

    [Fact]
    public async Task Pools_AnAdminAddsEditsAndDeactivatesFromTheDashboard()
    {
        var page = await LoggedInPageAsync();
        var email = $"dash-{Guid.NewGuid():N}@example.org";
        await page.FillAsync("#expertName", "대시보드전문가");
        await page.FillAsync("#expertEmail", email);
        await page.FillAsync("#expertFields", "Finance, Export");
        await page.ClickAsync("#expertForm button");
        var row = page.Locator("#experts tr", new PageLocatorOptions { HasText = "대시보드전문가" });
        await row.WaitForAsync();

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(dialog.Message == "maxActiveAssignments" ? "5" : dialog.DefaultValue);
        await row.Locator("button").First.ClickAsync();
        await page.Locator("#experts tr", new PageLocatorOptions { HasText = "0/5" }).WaitForAsync();
        await row.Locator("button").Nth(1).ClickAsync();
        await ShotAsync(page, "7-pools");

        var expert = await SupportFlow.ExpertByEmailAsync(fixture.Host, email);
        for (var attempt = 0; attempt < 40 && expert.GetProperty("active").GetBoolean(); attempt++)
        {
            await Task.Delay(250);
            expert = await SupportFlow.ExpertByEmailAsync(fixture.Host, email);
        }

        Assert.Equal((5, false), (expert.GetProperty("maxActiveAssignments").GetInt32(), expert.GetProperty("active").GetBoolean()));
        Assert.Equal(["Finance", "Export"], expert.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task AWrongKey_IsRefused_AndTheLoginAsksAgain()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/dashboard").ToString());
        await page.FillAsync("#key", "not-the-key");
        await page.ClickAsync("#keyForm button");

        await page.Locator("#keyError:not(:empty)").WaitForAsync();
        Assert.True(await page.Locator("#app").IsHiddenAsync());
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('adminKey')"));
    }

    async Task<IPage> LoggedInPageAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(fixture.Host.BaseAddress, "/dashboard").ToString());
        await page.FillAsync("#key", IntakeHostFixture.AdminKey);
        await page.ClickAsync("#keyForm button");
        await page.Locator("#funnel button").First.WaitForAsync();
        return page;
    }

    static Task ShotAsync(IPage page, string name) => Browsers.ShotAsync(page, $"dashboard-{name}");
}
