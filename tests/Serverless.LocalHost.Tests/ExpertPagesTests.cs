using System.Net;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The experts' pages in headless Chromium, as their mails open them: the offer with the task's budget and field and
/// the firm around it; after acceptance the engagement page with the firm's documents and a report in sections; the
/// used link's page and the mailbox. Each looked at (screenshots, axe) at a desktop's and a phone's width.
/// </summary>
public sealed class ExpertPagesTests(SupportHostFixture fixture) : BrowserTests, IClassFixture<SupportHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task TheExpert_ReadsTheOfferAndTheFirm_OpensItsDocuments_AndReportsInSections()
    {
        var application = await SupportFlow.ApprovedAsync(Host);
        var (offer, offerLink) = await SupportFlow.TaskMailAsync(Host, application.ReceiptNumber, "T1", SupportFlow.OfferSubject);
        var english = offer.Subject.Contains(SupportFlow.OfferSubject[1], StringComparison.Ordinal);
        var offerText = await Browsers.LookAtAsync(Browser, new Uri(Host.BaseAddress, offerLink), "expert-1-offer");
        Assert.Contains("10,000,000", offerText, StringComparison.Ordinal); // the task's budget
        Assert.Contains(english ? "Expert field" : "전문 분야", offerText, StringComparison.Ordinal);
        Assert.Contains(application.BusinessRegistrationNumber, offerText, StringComparison.Ordinal);
        Assert.Contains(english ? "Support plan" : "지원 계획", offerText, StringComparison.Ordinal);

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        await page.GotoAsync(new Uri(Host.BaseAddress, offerLink).ToString());
        await page.CheckAsync("input[name=decision][value=accept]");
        await page.CheckAsync("input[name=noConflict]");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync();
        Assert.Equal(0, await page.Locator(".notice").CountAsync());
        Assert.Contains(english ? "used" : "사용", await Browsers.LookAtAsync(Browser, new Uri(Host.BaseAddress, offerLink), "expert-2-used-link"), StringComparison.Ordinal);

        // The other tasks are accepted as well (work begins once every task has its expert).
        var tasks = (await FirmFlow.GetAsync(Host, application.Application)).GetProperty("plan").GetProperty("tasks").EnumerateArray()
            .Select(t => t.GetProperty("taskId").GetString()!).Where(t => t != "T1");
        foreach (var task in tasks)
        {
            await SupportFlow.AcceptAsync(Host, application.ReceiptNumber, task);
        }

        var (_, reportLink) = await SupportFlow.TaskMailAsync(Host, application.ReceiptNumber, "T1", SupportFlow.EngagementSubject);
        await Browsers.LookAtAsync(Browser, new Uri(Host.BaseAddress, reportLink), "expert-3-engagement");
        await page.GotoAsync(new Uri(Host.BaseAddress, reportLink).ToString());
        var documents = page.Locator("ul.documents a");
        Assert.Equal(3, await documents.CountAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => documents.First.ClickAsync());
        Assert.Equal(FirmFlow.SmallPdf, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // The report in its sections: what was done is required, said at once when missing.
        await page.FillAsync("textarea[name=outcome]", "바이어 3곳 상담");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Contains("Required", await page.InnerTextAsync(".field.invalid .error"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("textarea[name=done]", "aria-invalid"));
        await page.FillAsync("textarea[name=done]", "수출 상담회 2회 참가 지원");
        await page.FillAsync("textarea[name=followUp]", "해외 인증 취득 지원");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = FirmFlow.SmallPdf });
        var progress = page.Locator("progress");
        await page.EvaluateAsync("() => { window.samePage = true; }");
        var sent = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(200, sent.Status);
        await page.Locator("main", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("기록되었습니다|recorded") }).WaitForAsync();
        Assert.Equal(0, await progress.CountAsync()); // the answer page replaced the form once the file was up,
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true")); // sent by the page's script, with its progress bar

        var view = await ReportedAsync(application.Application, "T1");
        Assert.Equal("수행 내용: 수출 상담회 2회 참가 지원\n성과: 바이어 3곳 상담\n후속 지원 제안: 해외 인증 취득 지원",
            view.GetProperty("assignments")[0].GetProperty("reportSummary").GetString());
        using var spent = await Host.Client.GetAsync(new Uri($"{reportLink}/documents/{view.GetProperty("documents")[0].GetProperty("documentId").GetString()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, spent.StatusCode);

        var mailbox = await Browsers.LookAtAsync(Browser, new Uri(Host.BaseAddress, "/dev/mailbox"), "mailbox");
        Assert.Contains(application.ReceiptNumber, mailbox, StringComparison.Ordinal);
    }

    /// <summary>The firm's view once the task's report has reached it.</summary>
    async Task<System.Text.Json.JsonElement> ReportedAsync(FirmFlow.Submitted application, string taskId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            var view = await FirmFlow.GetAsync(Host, application);
            if (view.GetProperty("assignments").EnumerateArray().Any(a => a.GetProperty("taskId").GetString() == taskId
                && a.TryGetProperty("reportSummary", out var summary) && summary.ValueKind == System.Text.Json.JsonValueKind.String))
            {
                return view;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No report of {taskId} reached the firm.\n{Host.Output}");
    }
}
