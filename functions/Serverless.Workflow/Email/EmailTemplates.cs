using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Email;

/// <summary>The kinds of mail the workflow sends (WORKFLOW.md, Email); each is one intent per application (and round).</summary>
public enum EmailKind
{
    Receipt,
}

/// <summary>Korean and English mails; the firm's <c>language</c> chooses. Subjects carry the receipt number.</summary>
public static class EmailTemplates
{
    public static EmailMessage Render(EmailKind kind, ApplicationEntity application, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        return kind switch
        {
            EmailKind.Receipt => Receipt(application, options, application.Language == "en"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template for this kind of mail."),
        };
    }

    static EmailMessage Receipt(ApplicationEntity application, EmailOptions options, bool english)
    {
        var statusUrl = options.Link($"/api/applications/{application.ApplicationId}");
        var body = english
            ? new MailBody()
                .Paragraph($"Dear {application.FirmName},")
                .Paragraph("Your application to the Namdong cluster's customised support by company growth stage has been received.")
                .Field("Receipt number", application.ReceiptNumber)
                .Field("Status", "Submitted")
                .Link("Application status", statusUrl)
                .Paragraph("Reading the status needs the access token you received when you applied. Next, please upload your business registration certificate, financial statements and business plan.")
                .Paragraph("Namdong cluster growth support office")
            : new MailBody()
                .Paragraph($"{application.FirmName} 귀하")
                .Paragraph("남동클러스터 기업성장단계별 맞춤형 서비스 프로그램 신청이 접수되었습니다.")
                .Field("접수번호", application.ReceiptNumber)
                .Field("현재 상태", "접수")
                .Link("신청 현황", statusUrl)
                .Paragraph("신청 현황 조회에는 신청 시 받은 액세스 토큰이 필요합니다. 사업자등록증, 재무제표, 사업계획서를 제출해 주십시오.")
                .Paragraph("남동클러스터 기업성장지원 사무국");
        var subject = english
            ? $"[{application.ReceiptNumber}] Your application has been received"
            : $"[{application.ReceiptNumber}] 기업성장단계별 맞춤형 지원사업 신청이 접수되었습니다";
        return body.ToMessage([application.FirmEmail], subject);
    }
}
