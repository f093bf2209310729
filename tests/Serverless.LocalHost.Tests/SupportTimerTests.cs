using System.Net;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>The timers after approval, in seconds: an offer lapses, a report is reminded and overdue, feedback is not waited for.</summary>
public sealed class SupportTimerTests(QuickSupportHostFixture fixture) : IClassFixture<QuickSupportHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task OfferLapses_ThenTheNextCandidate_ThenReportReminderAndOverdue_ThenCompletedWithoutFeedback()
    {
        var application = await SupportFlow.ApprovedAsync(Host, ["Export"]);
        var receipt = application.ReceiptNumber;

        // T1's first offer goes unanswered past OfferDeadline: the next candidate gets one; the first link is dead.
        var (lapsed, lapsedLink) = await SupportFlow.TaskMailAsync(Host, receipt, "T1", SupportFlow.OfferSubject);
        var (next, nextLink) = await SupportFlow.TaskMailAsync(Host, receipt, "T1", SupportFlow.OfferSubject, lapsedLink);
        Assert.NotEqual(lapsed.To, next.To);
        using (var late = await SupportFlow.AnswerAsync(Host, lapsedLink, "accept"))
        {
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        }

        using (var accepted = await SupportFlow.AnswerAsync(Host, nextLink, "accept"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var (_, t2Offer) = await SupportFlow.TaskMailAsync(Host, receipt, "T2", SupportFlow.OfferSubject);
        using (var accepted = await SupportFlow.AnswerAsync(Host, t2Offer, "accept"))
        {
            // T2's offer may have lapsed already (5 s); then the next candidate's is accepted instead.
            if (accepted.StatusCode != HttpStatusCode.OK)
            {
                await AcceptNextAsync(receipt, "T2", t2Offer);
            }
        }

        await FirmFlow.WaitForStatusAsync(Host, application.Application, "InProgress");

        // No report: a reminder with a new link at 2 s, the staff told at 4 s; the report is still taken after that.
        var (_, firstReportLink) = await SupportFlow.TaskMailAsync(Host, receipt, "T1", SupportFlow.EngagementSubject);
        var (_, reminderLink) = await SupportFlow.TaskMailAsync(Host, receipt, "T1", SupportFlow.ReportReminderSubject);
        var overdue = await Mailbox.WaitForAsync(Host, receipt, "전문가 수행 기한 초과");
        Assert.Equal(["staff@namdong-cluster.local"], overdue.To);
        using (var replaced = await SupportFlow.ReportAsync(Host, firstReportLink, "첫 링크"))
        {
            Assert.Equal(HttpStatusCode.Gone, replaced.StatusCode);
        }

        using (var report = await SupportFlow.ReportAsync(Host, reminderLink, "늦었지만 완료했습니다"))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        // T2's expert lets the window for a late report (6 s past the deadline) go by: the link expires; an admin's
        // resend mails a new one to that expert only (T1 is reported).
        var (_, t2Reminder) = await SupportFlow.TaskMailAsync(Host, receipt, "T2", SupportFlow.ReportReminderSubject);
        await WaitUntilGoneAsync(t2Reminder);
        await AssertTheDashboardMarksItOverdueAsync(receipt);
        var expired = await LookAtAsync(t2Reminder, "link-expired");
        Assert.Contains("만료", expired, StringComparison.Ordinal);
        Assert.Contains("담당자", expired, StringComparison.Ordinal);
        using (var resend = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{application.Application.ApplicationId}/resend"))
        {
            Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        }

        var (_, t2Report) = await SupportFlow.TaskMailAsync(Host, receipt, "T2", SupportFlow.ReportReminderSubject, t2Reminder);
        using (var report = await SupportFlow.ReportAsync(Host, t2Report, "완료"))
        {
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        }

        Assert.Single(await Mailbox.MessagesAsync(Host), mail => Mailbox.IsAbout(mail, receipt, SupportFlow.ReportReminderSubject) && mail.Subject.EndsWith("(T1)", StringComparison.Ordinal));

        // Nobody gives feedback: the application completes at FeedbackDeadline (3 s) all the same.
        var view = await FirmFlow.WaitForStatusAsync(Host, application.Application, "Completed");
        Assert.Equal(["InProgress", "AwaitingFeedback", "Completed"], FirmFlow.Timeline(view).TakeLast(3));
        await Mailbox.WaitForAsync(Host, receipt, "지원 완료 안내"); // sent right after the status is written
        Assert.Equal(1, await ReviewFlow.CountMailsAsync(Host, receipt, "지원 완료 안내"));
    }

    /// <summary>Opens the link until it answers 410 (its expiry passed).</summary>
    async Task WaitUntilGoneAsync(string link)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var page = await Host.Client.GetAsync(new Uri(link, UriKind.Relative));
            if (page.StatusCode == HttpStatusCode.Gone || clock.Elapsed > FirmFlow.StatusTimeout)
            {
                Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
                return;
            }

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            await Task.Delay(500);
        }
    }

    /// <summary>The page the expert sees in a browser, checked at a desktop and a phone width; its text.</summary>
    async Task<string> LookAtAsync(string link, string name)
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        return await Browsers.LookAtAsync(browser, new Uri(Host.BaseAddress, link), name);
    }

    /// <summary>The staff's list, on a phone, marks the application past its due date (and the detail its task).</summary>
    async Task AssertTheDashboardMarksItOverdueAsync(string receipt)
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        await page.GotoAsync(new Uri(Host.BaseAddress, $"/dashboard#q={receipt}").ToString());
        await page.FillAsync("#key", IntakeHostFixture.AdminKey);
        await page.ClickAsync("#keyForm button");
        var row = page.Locator("#rows tr.breach", new PageLocatorOptions { HasText = receipt });
        await row.WaitForAsync();
        Assert.Contains("기한 초과", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#rows tr").CountAsync());
        await Browsers.ShotAsync(page, "dashboard-10-overdue-375");
        await Browsers.AssertAccessibleAsync(page);
        await row.Locator("a").First.ClickAsync();
        Assert.Contains("기한 초과", await page.Locator("#tasks tr.breach").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    async Task AcceptNextAsync(string receipt, string taskId, params string[] seen)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (_, link) = await SupportFlow.TaskMailAsync(Host, receipt, taskId, SupportFlow.OfferSubject, seen);
            using var accepted = await SupportFlow.AnswerAsync(Host, link, "accept");
            if (accepted.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            seen = [.. seen, link];
        }

        Assert.Fail($"No offer of {taskId} could be accepted in time.");
    }
}
