using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The whole way with nothing but a browser and the local host's mailbox page: a firm applies from the empty form and
/// follows its application in Korean on the page its mails open; the reviewer and the experts act from their mails'
/// links; the application ends Completed. No request in this test is made by anything but Chromium.
/// </summary>
public sealed class FirmJourneyTests(SupportHostFixture fixture) : BrowserTests, IClassFixture<SupportHostFixture>
{
    static readonly string[] ReceiptSubject = ["접수되었습니다"];
    static readonly string[] ChangesSubject = ["신청서 보완 요청"];
    static readonly string[] FeedbackSubject = ["지원 만족도 평가 요청"];

    readonly HashSet<string> clicked = [];

    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task OnlyABrowserAndTheMailbox_TakeAnApplicationFromTheEmptyFormToCompleted()
    {
        // The firm: the empty form refused, a number with a wrong check digit refused at its field, then put right.
        var page = await ApplyForm.OpenAsync(Browser, Host, width: 375);
        await page.ClickAsync("#submit");
        Assert.Equal("필수 항목입니다.", await ApplyForm.ErrorAsync(page, "firm.businessRegistrationNumber"));
        var firm = FirmFlow.NewFirm();
        await ApplyForm.FillAsync(page, firm, $"journey-{Guid.NewGuid():N}@example.com");
        await page.FillAsync(ApplyForm.Control("firm.businessRegistrationNumber"), WrongCheckDigit(firm));
        await page.ClickAsync("#submit");
        Assert.Contains("검증 숫자", await ApplyForm.ErrorAsync(page, "firm.businessRegistrationNumber"), StringComparison.Ordinal);
        await page.FillAsync(ApplyForm.Control("firm.businessRegistrationNumber"), firm);
        await page.ClickAsync("#submit");
        await page.Locator("#receipt").WaitForAsync();
        var receipt = await page.Locator("#receiptNumber").InnerTextAsync();
        await Browsers.ShotAsync(page, "journey-1-received-375");

        // The receipt mail's link opens the firm's page, which asks for the confirmation, then for the documents.
        await MailboxInBrowser.ClickAsync(page, Host, receipt, ReceiptSubject, "/firm/", clicked);
        await ExpectStatusAsync(page, "신청 확인 대기");
        var firmLink = new Uri(page.Url);
        await page.ClickAsync("#confirm");
        await ExpectStatusAsync(page, "서류 제출 대기");
        foreach (var kind in FirmFlow.RequiredKinds)
        {
            await page.SelectOptionAsync("#kind", kind);
            await page.SetInputFilesAsync("#files", new FilePayload { Name = $"{kind}.pdf", MimeType = "application/pdf", Buffer = FirmFlow.SmallPdf });
            await page.ClickAsync("#upload button[type=submit]");
            var upload = page.Locator("#uploads li", new PageLocatorOptions { HasText = $"{kind}.pdf" });
            await upload.Locator(".result", new LocatorLocatorOptions { HasText = "올렸습니다" }).WaitForAsync();
            Assert.Equal("100", await upload.Locator("progress").GetAttributeAsync("value"));
        }

        await ReloadUntilStatusAsync(page, "검토 중");
        Assert.Equal(6, await page.Locator("#diagnosisChart tbody tr").CountAsync());
        Assert.DoesNotMatch("[A-Za-z]{4,}", await page.InnerTextAsync("#diagnosisTerms")); // stage, phase and track in Korean, explained
        await Browsers.ShotAsync(page, "journey-2-in-review-375");

        // The reviewer asks for changes from the review mail; the firm corrects one answer on its page.
        await DecideReviewAsync(page, receipt, "changes", "2024년 수출 실적을 적어 주십시오.");
        await MailboxInBrowser.ClickAsync(page, Host, receipt, ChangesSubject, "/firm/", clicked);
        await ExpectStatusAsync(page, "보완 요청");
        Assert.Contains("2024년 수출 실적을 적어 주십시오.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.FillAsync(ApplyForm.Control("financials[1].exportKrw"), "120,000,000");
        await page.ClickAsync("#resubmit");
        await page.Locator("#notice", new PageLocatorOptions { HasText = "수정한 신청서가 접수되었습니다" }).WaitForAsync();
        await ReloadUntilStatusAsync(page, "검토 중");
        var tasks = await page.Locator("table.plan tbody tr").CountAsync();
        Assert.InRange(tasks, 2, 5);

        // The reviewer approves the corrected application; each task's expert accepts the offer, works and reports.
        await DecideReviewAsync(page, receipt, "approve", null);
        foreach (var _ in Enumerable.Range(0, tasks))
        {
            await MailboxInBrowser.ClickAsync(page, Host, receipt, SupportFlow.OfferSubject, "/api/links/", clicked);
            await page.CheckAsync("input[name=decision][value=accept]");
            await page.CheckAsync("input[name=noConflict]");
            await SubmitLinkFormAsync(page);
        }

        foreach (var task in Enumerable.Range(1, tasks))
        {
            await MailboxInBrowser.ClickAsync(page, Host, receipt, SupportFlow.EngagementSubject, "/api/links/", clicked);
            await page.FillAsync("textarea[name=done]", $"과제 {task}: 상담과 시험을 마쳤습니다.");
            await page.FillAsync("textarea[name=followUp]", "양산 전 신뢰성 시험을 권합니다.");
            await SubmitLinkFormAsync(page);
        }

        // The firm is asked for its rating, gives it on its page, and the page says the support is complete.
        await MailboxInBrowser.ClickAsync(page, Host, receipt, FeedbackSubject, "/firm/", clicked);
        await ExpectStatusAsync(page, "만족도 평가 대기");
        Assert.Contains("과제 1: 상담과 시험을 마쳤습니다.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.CheckAsync("#rating-5");
        await page.ClickAsync("#sendFeedback");
        await page.Locator("#notice", new PageLocatorOptions { HasText = "감사합니다" }).WaitForAsync();
        await ReloadUntilStatusAsync(page, "완료");
        await Browsers.ShotAsync(page, "journey-3-completed-375");
        await Browsers.AssertAccessibleAsync(page);

        // Nothing anyone was mailed as a credential reached the host's log.
        var tokens = clicked.Select(link => new Uri(link)).Select(uri => uri.Fragment.Length > 1 ? uri.Fragment[1..] : uri.Segments[^1]).Append(firmLink.Fragment[1..]);
        Assert.All(tokens, token => Assert.DoesNotContain(token, Host.Output, StringComparison.Ordinal));
    }

    /// <summary>The reviewer opens the newest review request about the application and decides on its page, declaring no conflict.</summary>
    async Task DecideReviewAsync(IPage page, string receipt, string decision, string? comment)
    {
        await MailboxInBrowser.ClickAsync(page, Host, receipt, ReviewFlow.RequestSubject, "/api/links/", clicked);
        await page.CheckAsync($"input[name=decision][value={decision}]");
        await page.CheckAsync("input[name=noConflict]");
        if (comment is not null)
        {
            await page.FillAsync("textarea[name=comment]", comment);
        }

        await SubmitLinkFormAsync(page);
    }

    /// <summary>Sends a mailed link's form; the page that answers says no error.</summary>
    static async Task SubmitLinkFormAsync(IPage page)
    {
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), response => response.Request.Method == "POST");
        await page.WaitForLoadStateAsync();
        Assert.True(answer.Ok, $"{answer.Status}: {await page.InnerTextAsync("body")}");
        Assert.Equal(0, await page.Locator(".error").CountAsync());
    }

    static async Task ExpectStatusAsync(IPage page, string status) =>
        await page.Locator("#status", new PageLocatorOptions { HasTextRegex = new Regex($"^{Regex.Escape(status)}$") }).WaitForAsync();

    /// <summary>What a person does while the programme works: looks again now and then.</summary>
    static async Task ReloadUntilStatusAsync(IPage page, string status)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            await page.Locator("#status").WaitForAsync();
            if (await page.TextContentAsync("#status") == status)
            {
                return;
            }

            await Task.Delay(1000);
            await page.ReloadAsync();
        }

        throw new TimeoutException($"The firm's page still says '{await page.TextContentAsync("#status")}', never '{status}'.");
    }

    static string WrongCheckDigit(string businessRegistrationNumber) =>
        businessRegistrationNumber[..^1] + (char)('0' + ((businessRegistrationNumber[^1] - '0' + 1) % 10));
}
