using System.Net;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The firm rates the support on its page, which the feedback mail opens; one rating stands (a second is refused with
/// 409), and before feedback is asked for, the route refuses with 409 too.
/// </summary>
public sealed class FirmFeedbackPageTests(SupportHostFixture fixture) : BrowserTests, IClassFixture<SupportHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task AwaitingFeedback_TheFirmRatesOnItsPage_AndTheApplicationCompletes()
    {
        var application = await SupportFlow.ApprovedAsync(Host);
        using (var early = await FirmFlow.PostFeedbackAsync(Host, application.Application, 5))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        }

        var tasks = (await FirmFlow.WaitForStatusAsync(Host, application.Application, "Matching")).GetProperty("plan").GetProperty("tasks")
            .EnumerateArray().Select(task => task.GetProperty("taskId").GetString()!).ToList();
        foreach (var task in tasks)
        {
            await SupportFlow.AcceptAsync(Host, application.ReceiptNumber, task);
        }

        foreach (var task in tasks)
        {
            var (_, report) = await SupportFlow.TaskMailAsync(Host, application.ReceiptNumber, task, SupportFlow.EngagementSubject);
            using var reported = await SupportFlow.ReportAsync(Host, report, $"{task} 완료");
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        }

        await FirmFlow.WaitForStatusAsync(Host, application.Application, "AwaitingFeedback");
        var mailed = await Mailbox.WaitForAsync(Host, application.ReceiptNumber, "지원 만족도 평가 요청");
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        await page.GotoAsync(Assert.Single(mailed.Links, link => link.Contains("/firm/", StringComparison.Ordinal)));
        await page.Locator("#feedback").WaitForAsync();
        Assert.Equal("만족도 평가 대기", await page.TextContentAsync("#status"));
        await Browsers.AssertAccessibleAsync(page);

        await page.CheckAsync("#rating-4");
        await page.FillAsync("#comment", "수출 상담이 도움이 되었습니다");
        await page.ClickAsync("#sendFeedback");
        await page.Locator("#notice", new PageLocatorOptions { HasText = "감사합니다" }).WaitForAsync();
        await Browsers.ShotAsync(page, "firm-feedback-375");

        await FirmFlow.WaitForStatusAsync(Host, application.Application, "Completed");
        using var again = await FirmFlow.PostFeedbackAsync(Host, application.Application, 1);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // the page's rating stands
    }
}
