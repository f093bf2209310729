using System.Text.Json;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Http;
using Serverless.Workflow.Review;
using Serverless.Testing;
using Xunit;

namespace Serverless.Workflow.Tests.Review;

public sealed class ReviewMailTests
{
    const string Link = "https://support.example.org/api/links/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    static readonly DateTimeOffset Deadline = new(2026, 12, 13, 9, 0, 0, TimeSpan.Zero);

    static ApplicationEntity Application(string firmName)
    {
        var request = SampleApplications.Request("124-81-00998", "ko");
        var form = new ApplicationValidator(Microsoft.Extensions.Options.Options.Create(new IntakeOptions()), TimeProvider.System)
            .Validate(request with { Firm = request.Firm! with { Name = firmName } }).Form!;
        return new ApplicationEntity
        {
            PartitionKey = "0123456789abcdef0123456789abcdef",
            ReceiptNumber = "GS-2026-00017",
            FirmName = firmName,
            FormJson = JsonSerializer.Serialize(form, Json.Options),
        };
    }

    static ReviewerEntity Reviewer(string language) => new() { RowKey = "r1", Name = "김검토", Email = "kim@example.org", Language = language };

    [Fact]
    public void Request_GoesToTheReviewer_InTheirLanguage_WithTheLinkAndTheDeadline()
    {
        var korean = ReviewMail.Render(ReviewMailKind.Request, Application("남동정밀(주)"), Reviewer("ko"), Link, Deadline);
        var english = ReviewMail.Render(ReviewMailKind.Request, Application("남동정밀(주)"), Reviewer("en"), Link, Deadline);

        Assert.Equal(["kim@example.org"], korean.To);
        Assert.Equal("[GS-2026-00017] 지원 신청 검토 요청", korean.Subject);
        Assert.Equal("[GS-2026-00017] Review requested", english.Subject);
        Assert.Contains($"검토하기: {Link}", korean.Text, StringComparison.Ordinal);
        Assert.Contains("2026-12-13 09:00 UTC", english.Text, StringComparison.Ordinal);
        Assert.Contains("남동정밀(주)", korean.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReviewMailKind.Reminder, "검토 요청 (재안내)")]
    [InlineData(ReviewMailKind.Escalation, "검토 요청 (상위 검토)")]
    public void ReminderAndEscalation_SaySoInTheSubject(ReviewMailKind kind, string subject)
    {
        var mail = ReviewMail.Render(kind, Application("남동정밀(주)"), Reviewer("ko"), Link, Deadline);

        Assert.Equal($"[GS-2026-00017] {subject}", mail.Subject);
    }

    [Fact]
    public void AFirmNameWithMarkup_IsInertInTheHtml()
    {
        var mail = ReviewMail.Render(ReviewMailKind.Request, Application("<img src=x onerror=alert(1)>"), Reviewer("ko"), Link, Deadline);

        Assert.DoesNotContain("<img", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.Html, StringComparison.Ordinal);
    }
}
