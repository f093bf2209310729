using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// A reviewer asks for changes; the firm opens the page from the mail that says so, reads the comment, finds its
/// application filled in, corrects it (the page refuses a wrong value at its field first) and sends it again.
/// </summary>
public sealed class FirmChangesPageTests(ReviewHostFixture fixture) : BrowserTests, IClassFixture<ReviewHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task ChangesRequested_TheFirmCorrectsItsApplicationOnThePage_AndItIsReviewedAgain()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, reviewLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(Host, reviewLink, "changes", "2025년 수출 실적을 보완해 주십시오.");
        var mail = await Mailbox.WaitForAsync(Host, review.ReceiptNumber, "신청서 보완 요청");

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        await page.GotoAsync(mail.Links.Single(link => link.Contains("/firm/", StringComparison.Ordinal)));
        await page.Locator("#changes").WaitForAsync();

        Assert.Equal("보완 요청", await page.TextContentAsync("#status"));
        Assert.Contains("2025년 수출 실적을 보완해 주십시오.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("남동정밀(주)", await page.InputValueAsync(ApplyForm.Control("firm.name")));
        Assert.Equal(review.BusinessRegistrationNumber, await page.InputValueAsync(ApplyForm.Control("firm.businessRegistrationNumber")));

        // A value the page refuses is said at its field, and nothing is sent.
        await page.FillAsync(ApplyForm.Control("financials[0].exportKrw"), "9,999,999,999,999");
        await page.ClickAsync("#resubmit");
        Assert.NotEqual("", await ApplyForm.ErrorAsync(page, "financials[0].exportKrw"));
        await Browsers.ShotAsync(page, "firm-changes-1-refused-375");
        await Browsers.AssertAccessibleAsync(page);

        await page.FillAsync(ApplyForm.Control("financials[0].exportKrw"), "900,000,000");
        await page.ClickAsync("#resubmit");
        await page.Locator("#notice", new PageLocatorOptions { HasText = "수정한 신청서가 접수되었습니다" }).WaitForAsync();

        var view = await FirmFlow.WaitForReachedAsync(Host, review.Application, "AwaitingReview", times: 2);
        Assert.Equal(900_000_000, view.GetProperty("form").GetProperty("financials")[0].GetProperty("exportKrw").GetInt64());
        Assert.Equal(["ChangesRequested", "Diagnosed", "AwaitingReview"], FirmFlow.Timeline(view).TakeLast(3));
        await page.ReloadAsync();
        await page.Locator("#status", new PageLocatorOptions { HasText = "검토 중" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#changes").CountAsync());
        await Browsers.ShotAsync(page, "firm-changes-2-sent-375");
    }
}
