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

    static ApplicationEntity Application(string firmName = "남동정밀(주)", string language = "ko") => new()
    {
        PartitionKey = "0123456789abcdef0123456789abcdef",
        ReceiptNumber = "GS-2026-00017",
        FirmName = firmName,
        FirmEmail = "ceo@example.com",
        Language = language,
    };

    [Fact]
    public void Receipt_InKorean_CarriesTheReceiptNumberAndTheStatusLink()
    {
        var mail = EmailTemplates.Render(EmailKind.Receipt, Application(), [], Options);

        Assert.Equal(["ceo@example.com"], mail.To);
        Assert.StartsWith("[GS-2026-00017] ", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("접수되었습니다", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("접수번호: GS-2026-00017", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://support.example.org/api/applications/0123456789abcdef0123456789abcdef", mail.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://support.example.org/api/applications/0123456789abcdef0123456789abcdef\"", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_ForAnEnglishApplication_IsInEnglish()
    {
        var mail = EmailTemplates.Render(EmailKind.Receipt, Application(language: "en"), [], Options);

        Assert.Equal("[GS-2026-00017] Your application has been received", mail.Subject);
        Assert.Contains("Receipt number: GS-2026-00017", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_FirmNameWithMarkup_IsInertInHtmlAndVerbatimInText()
    {
        var mail = EmailTemplates.Render(EmailKind.Receipt, Application("<script>alert(1)</script>&Co"), [], Options);

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>&Co", mail.Text, StringComparison.Ordinal);
    }
}
