using System.Net;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>The review step's timers, run in seconds: reminder, escalation, the review and changes deadlines.</summary>
public sealed class ReviewTimerTests(QuickReviewHostFixture fixture) : IClassFixture<QuickReviewHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Reminder_ThenEscalation_ThenTheEscalationLinkDecides_AndEveryOtherLinkIsSpent()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (request, requestLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        var (reminder, reminderLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.ReminderSubject);
        var (escalation, escalationLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.EscalationSubject);

        Assert.Equal(request.To, reminder.To);
        Assert.NotEqual(request.To, escalation.To);
        using (var replaced = await ReviewFlow.OpenAsync(Host, requestLink))
        {
            Assert.Equal(HttpStatusCode.Gone, replaced.StatusCode); // the reminder's link replaced the first
        }

        await ReviewFlow.DecideOkAsync(Host, escalationLink, "approve", "상위 검토로 승인합니다.");
        await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");

        using var late = await ReviewFlow.DecideAsync(Host, reminderLink, "reject", "늦은 결정");
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode); // the first decision won
        Assert.DoesNotContain("Rejected", FirmFlow.Timeline(await FirmFlow.GetAsync(Host, review.Application)));
        await ReviewFlow.WaitForPendingReviewsAsync(Host, fixture.Escalation, 0);
        foreach (var subject in new[] { ReviewFlow.RequestSubject, ReviewFlow.ReminderSubject, ReviewFlow.EscalationSubject })
        {
            Assert.Equal(1, await ReviewFlow.CountMailsAsync(Host, review.ReceiptNumber, subject));
        }
    }

    [Fact]
    public async Task NoDecisionByTheDeadline_Expires_TheFirmIsMailed_AndTheLinksDie()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, escalationLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.EscalationSubject);

        var view = await FirmFlow.WaitForStatusAsync(Host, review.Application, "Expired", QuickReviewHostFixture.Deadline * 3);
        var mail = await Mailbox.WaitForAsync(Host, review.ReceiptNumber, "만료");

        Assert.Equal("review deadline passed", view.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());
        Assert.Contains("검토 기한", mail.Text, StringComparison.Ordinal);
        using var late = await ReviewFlow.DecideAsync(Host, escalationLink, "approve");
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        await ReviewFlow.WaitForPendingReviewsAsync(Host, fixture.Escalation, 0);
    }

    [Fact]
    public async Task ChangesNotMadeByTheirDeadline_Expire()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);

        await ReviewFlow.DecideOkAsync(Host, link, "changes", "재무제표를 보완해 주십시오.");
        var view = await FirmFlow.WaitForStatusAsync(Host, review.Application, "Expired");

        Assert.Equal(["ChangesRequested", "Expired"], FirmFlow.Timeline(view).TakeLast(2));
        Assert.Contains("보완 요청 기한", (await Mailbox.WaitForAsync(Host, review.ReceiptNumber, "만료")).Text, StringComparison.Ordinal);
    }
}
