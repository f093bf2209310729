using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The firm's page in headless Chromium, opened from the receipt mail's personal link as a firm would: what is next,
/// the confirmation, uploads with a progress bar each and the server's refusals in words, the diagnosis chart, English,
/// a link that no longer opens; axe at a desktop's and a phone's width. Screenshots in artifacts/screenshots.
/// </summary>
public sealed class FirmPageTests(IntakeHostFixture fixture) : BrowserTests, IClassFixture<IntakeHostFixture>
{
    static readonly byte[] Executable = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0];

    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task FromTheReceiptMail_TheFirmConfirms_UploadsItsDocuments_AndSeesItsDiagnosis()
    {
        var application = await FirmFlow.SubmitAsync(Host, confirm: false);
        var link = await FirmFlow.PersonalLinkAsync(Host, application.ReceiptNumber);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(link.ToString());

        await page.Locator("#status").WaitForAsync();
        Assert.Equal("신청 확인 대기", await page.TextContentAsync("#status"));
        Assert.Contains("확인하기 전에는", await page.TextContentAsync("#next"), StringComparison.Ordinal);
        Assert.Contains(application.ReceiptNumber, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Browsers.ShotAsync(page, "firm-1-confirm-375");
        await Browsers.AssertAccessibleAsync(page);

        await page.ClickAsync("#confirm");
        await page.Locator("#status", new PageLocatorOptions { HasText = "서류 제출 대기" }).WaitForAsync();
        Assert.Equal(3, await page.Locator("#uploadTitle + ul li").CountAsync());

        // Two good files and one the server refuses (an executable named .pdf): each has its bar and its answer.
        await page.SelectOptionAsync("#kind", "BusinessRegistration");
        await page.SetInputFilesAsync("#files", [
            new FilePayload { Name = "registration.pdf", MimeType = "application/pdf", Buffer = FirmFlow.SmallPdf },
            new FilePayload { Name = "setup.pdf", MimeType = "application/pdf", Buffer = Executable },
        ]);
        await page.ClickAsync("#upload button[type=submit]");
        var refused = page.Locator("#uploads li", new PageLocatorOptions { HasText = "setup.pdf" });
        var accepted = page.Locator("#uploads li", new PageLocatorOptions { HasText = "registration.pdf" });
        await refused.Locator(".result", new LocatorLocatorOptions { HasText = "PDF, PNG" }).WaitForAsync();
        await accepted.Locator(".result", new LocatorLocatorOptions { HasText = "올렸습니다" }).WaitForAsync();
        Assert.Equal("100", await accepted.Locator("progress").GetAttributeAsync("value"));
        await Browsers.ShotAsync(page, "firm-2-uploads-375");

        foreach (var (kind, name) in new[] { ("FinancialStatements", "statements.pdf"), ("BusinessPlan", "plan.pdf") })
        {
            await page.Locator("#kind").WaitForAsync();
            await page.SelectOptionAsync("#kind", kind);
            await page.SetInputFilesAsync("#files", new FilePayload { Name = name, MimeType = "application/pdf", Buffer = FirmFlow.SmallPdf });
            await page.ClickAsync("#upload button[type=submit]");
            await page.Locator("#uploads li", new PageLocatorOptions { HasText = name }).Locator(".result", new LocatorLocatorOptions { HasText = "올렸습니다" }).WaitForAsync();
        }

        // Diagnosed and sent to review: the page, reloaded, shows the chart of the diagnosis.
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingReview");
        await page.ReloadAsync();
        await page.Locator("#diagnosisChart meter").First.WaitForAsync();
        Assert.Equal(6, await page.Locator("#diagnosisChart tbody tr").CountAsync());
        Assert.Equal("검토 중", await page.TextContentAsync("#status"));
        Assert.Contains("576/1000", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Browsers.ShotAsync(page, "firm-3-diagnosis-375");
        await Browsers.AssertAccessibleAsync(page);

        await page.ClickAsync("#lang");
        Assert.Equal("In review", await page.TextContentAsync("#status"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.SetViewportSizeAsync(1280, 900);
        await Browsers.ShotAsync(page, "firm-4-english-1280");
        await Browsers.AssertAccessibleAsync(page);

        // The token never left the browser in a URL.
        var token = link.Fragment[1..];
        Assert.DoesNotContain(requested, url => url.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALinkThatNoLongerOpens_SaysSo_AndWhomToAsk()
    {
        var application = await FirmFlow.SubmitAsync(Host, confirm: false);
        var page = await Browser.NewPageAsync();

        await page.GotoAsync(new Uri(Host.BaseAddress, $"/firm/{application.ApplicationId}#{new string('A', 43)}").ToString());
        await page.Locator("#notice").WaitForAsync();

        Assert.Contains("사무국에 문의", await page.TextContentAsync("#notice"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#status").CountAsync());
        await Browsers.ShotAsync(page, "firm-5-link-gone");
        await Browsers.AssertAccessibleAsync(page);
    }
}
