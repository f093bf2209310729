using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Xunit;

namespace Serverless.Workflow.Tests.Email;

public sealed class EmailTemplatesTests
{
    static readonly EmailOptions Options = new()
    {
        SendGridApiKey = "key",
        FromAddress = "noreply@example.org",
        PublicBaseUrl = new Uri("https://support.example.org"),
    };

    const string FirmPage = "https://support.example.org/firm/0123456789abcdef0123456789abcdef#personal-token";

    static ApplicationEntity Application(string firmName = "남동정밀(주)", string language = "ko") => new()
    {
        PartitionKey = "0123456789abcdef0123456789abcdef",
        ReceiptNumber = "GS-2026-00017",
        FirmName = firmName,
        FirmEmail = "ceo@example.com",
        Language = language,
    };

    [Fact]
    public void Receipt_InKorean_CarriesTheReceiptNumber_ThePersonalLink_AndUntilWhenToConfirm()
    {
        var mail = EmailTemplates.Render(EmailKind.Receipt, Application(), ["2026-12-06T09:30:00.0000000+00:00"], Options, FirmPage);

        Assert.Equal(["ceo@example.com"], mail.To);
        Assert.StartsWith("[GS-2026-00017] ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("접수되었습니다", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("접수번호: GS-2026-00017", mail.Text, StringComparison.Ordinal);
        Assert.Contains(FirmPage, mail.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FirmPage}\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("확인 기한: 2026-12-06 18:30 (KST)", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_ForAnEnglishApplication_IsInEnglish()
    {
        var mail = EmailTemplates.Render(EmailKind.Receipt, Application(language: "en"), [], Options, FirmPage);

        Assert.Equal("[GS-2026-00017] Your application has been received", mail.Subject);
        Assert.Contains("Receipt number: GS-2026-00017", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_FirmNameWithMarkup_IsInertInHtmlAndVerbatimInText()
    {
        var mail = EmailTemplates.Render(EmailKind.Receipt, Application("<script>alert(1)</script>&Co"), [], Options, FirmPage);

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>&Co", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectedAndChangesRequested_QuoteTheReviewersComment_ToTheFirm()
    {
        var rejected = EmailTemplates.Render(EmailKind.Rejected, Application(), ["시장 분석 부족 <b>"], Options, FirmPage);
        var changes = EmailTemplates.Render(EmailKind.ChangesRequested, Application(language: "en"), ["Add the 2025 figures."], Options, FirmPage);

        Assert.Equal(["ceo@example.com"], rejected.To);
        Assert.Equal("[GS-2026-00017] 검토 결과 안내 (미선정)", rejected.Subject);
        Assert.Contains("시장 분석 부족 <b>", rejected.Text, StringComparison.Ordinal);
        Assert.Contains("시장 분석 부족 &lt;b&gt;", rejected.Html, StringComparison.Ordinal);
        Assert.Contains(FirmPage, rejected.Text, StringComparison.Ordinal); // the page keeps the comment after the end
        Assert.Equal("[GS-2026-00017] Changes requested to your application", changes.Subject);
        Assert.Contains("Add the 2025 figures.", changes.Text, StringComparison.Ordinal);
        Assert.Contains(FirmPage, changes.Text, StringComparison.Ordinal); // resubmitted on the firm's page, not by PUT
    }

    [Theory]
    [InlineData(ExpiredSteps.Documents, "서류 제출 기한")]
    [InlineData(ExpiredSteps.Review, "검토 기한")]
    [InlineData(ExpiredSteps.Changes, "보완 요청 기한")]
    public void Expired_SaysWhichDeadlinePassed(string step, string words)
    {
        var mail = EmailTemplates.Render(EmailKind.Expired, Application(), [step], Options, FirmPage);

        Assert.Contains(words, mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedbackRequest_OpensTheFirmsPage_NeverAnApiUrl()
    {
        var mail = EmailTemplates.Render(EmailKind.FeedbackRequest, Application(), [], Options, FirmPage);

        Assert.Equal("[GS-2026-00017] 지원 만족도 평가 요청", mail.Subject);
        Assert.Contains(FirmPage, mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoReviewer_GoesToTheStaff()
    {
        var staffed = new EmailOptions { SendGridApiKey = "key", FromAddress = "noreply@example.org", PublicBaseUrl = Options.PublicBaseUrl, AdminAddresses = ["staff@example.org"] };
        var mail = EmailTemplates.Render(EmailKind.NoReviewer, Application(), [], staffed);

        Assert.Equal(["staff@example.org"], mail.To);
        Assert.Equal("[GS-2026-00017] 검토위원 배정 불가", mail.Subject);
    }
}
