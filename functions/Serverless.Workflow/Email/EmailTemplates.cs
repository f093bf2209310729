using Serverless.Workflow.Applications;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Screening;

namespace Serverless.Workflow.Email;

/// <summary>The kinds of mail the workflow sends (docs/workflow.md, Mail); each is one intent per application (and round).</summary>
public enum EmailKind
{
    Receipt,
    MissingDocuments,
    DocumentsReminder,
    Ineligible,

    /// <summary>A deadline passed: details name the step (<see cref="ExpiredSteps"/>).</summary>
    Expired,

    /// <summary>The reviewer rejected the application: details hold the reviewer's comment.</summary>
    Rejected,

    /// <summary>The reviewer asked for changes: details hold the comment.</summary>
    ChangesRequested,

    /// <summary>To the programme staff (Email:AdminAddresses): a workflow step failed after its retries.</summary>
    Failure,

    /// <summary>
    /// To the programme staff: a step failed after its retries and waits for an admin's retry or terminate; details:
    /// the status it failed in, and the error.
    /// </summary>
    StepFailed,

    /// <summary>To the programme staff: no active reviewer without a conflict could take the review.</summary>
    NoReviewer,

    /// <summary>To the programme staff: no expert is left for a task; details: the task id.</summary>
    Unmatched,

    /// <summary>To the programme staff: an engagement is past its deadline; details: task id, support type, expert.</summary>
    EngagementOverdue,

    /// <summary>To the firm: its feedback link; details: the link.</summary>
    FeedbackRequest,

    /// <summary>To the programme staff: SendGrid refused a mail for good; details: its subject, recipients, the answer.</summary>
    MailRejected,

    /// <summary>
    /// To the programme staff: a mail was being handed to SendGrid when its host stopped, so it may not have gone out;
    /// details: its subject, recipients, its intent's key.
    /// </summary>
    MailUncertain,

    /// <summary>To the firm: the support is complete; details: one line per task (task, expert, report).</summary>
    Completion,

    /// <summary>To the firm, at an admin's resend: a new personal link to its page (the earlier ones are revoked).</summary>
    FirmLink,
}

/// <summary>The steps whose deadline can expire an application, as <see cref="EmailKind.Expired"/> details.</summary>
public static class ExpiredSteps
{
    public const string Documents = "documents";
    public const string Review = "review";
    public const string Changes = "changes";
}

/// <summary>
/// Korean and English mails; the firm's <c>language</c> chooses. Subjects carry the receipt number. Details are what
/// the workflow knows and the application does not say by itself: the missing document kinds, the reasons.
/// </summary>
public static class EmailTemplates
{
    /// <param name="firmPage">The firm's page, with a personal link of its own (firm mails); null for the staff's.</param>
    public static EmailMessage Render(
        EmailKind kind, ApplicationEntity application, IReadOnlyList<string> details, EmailOptions options, string? firmPage = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(options);
        var en = application.Language == "en";
        var statusUrl = options.Link($"/api/applications/{application.ApplicationId}");
        var body = new MailBody();
        var toStaff = IsToStaff(kind);
        if (!toStaff)
        {
            body.Paragraph(en ? $"Dear {application.FirmName}," : $"{application.FirmName} 귀하");
        }

        var subject = kind switch
        {
            EmailKind.Receipt => Receipt(body, application, details, FirmPage(firmPage), en),
            EmailKind.MissingDocuments => Documents(body, details, FirmPage(firmPage), en, reminder: false),
            EmailKind.DocumentsReminder => Documents(body, details, FirmPage(firmPage), en, reminder: true),
            EmailKind.Ineligible => Ineligible(body, details, en),
            EmailKind.Expired => Expired(body, details.Count > 0 ? details[0] : ExpiredSteps.Documents, en),
            EmailKind.Rejected => Rejected(body, details, en),
            EmailKind.ChangesRequested => ChangesRequested(body, details, FirmPage(firmPage), en),
            EmailKind.Failure => Failure(body, application, details, statusUrl),
            EmailKind.StepFailed => StepFailed(body, application, details, statusUrl),
            EmailKind.NoReviewer => NoReviewer(body, application),
            EmailKind.Unmatched => Unmatched(body, application, details),
            EmailKind.EngagementOverdue => Overdue(body, application, details),
            EmailKind.FeedbackRequest => FeedbackRequest(body, FirmPage(firmPage), en),
            EmailKind.Completion => Completion(body, details, en),
            EmailKind.FirmLink => FirmLink(body, application, FirmPage(firmPage), en),
            EmailKind.MailRejected => MailRejected(body, application, details, statusUrl),
            EmailKind.MailUncertain => MailUncertain(body, application, details, statusUrl),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template for this kind of mail."),
        };
        if (kind is EmailKind.Ineligible or EmailKind.Expired or EmailKind.Rejected or EmailKind.Completion)
        {
            // The page keeps the whole story (the comment, the reports) for FirmLinkRetention after the end.
            body.Link(en ? "Your application's page" : "신청 현황 보기", FirmPage(firmPage));
        }

        body.Paragraph(en ? "Namdong cluster growth support office" : "남동클러스터 기업성장지원 사무국");
        return body.ToMessage(toStaff ? options.AdminAddresses : [application.FirmEmail], $"[{application.ReceiptNumber}] {subject}");
    }

    /// <summary>Mails for the programme staff (in Korean, to <see cref="EmailOptions.AdminAddresses"/>); the rest go to the firm.</summary>
    public static bool IsToStaff(EmailKind kind) =>
        kind is EmailKind.Failure or EmailKind.StepFailed or EmailKind.NoReviewer or EmailKind.Unmatched or EmailKind.EngagementOverdue
            or EmailKind.MailRejected or EmailKind.MailUncertain;

    static string FirmPage(string? firmPage) =>
        firmPage ?? throw new ArgumentNullException(nameof(firmPage), "A firm mail links to the firm's page, with its personal link.");

    /// <summary>How every staff mail starts: what happened, then which application and which firm.</summary>
    static MailBody StaffIntro(MailBody body, ApplicationEntity application, string what) =>
        body.Paragraph(what)
            .Field("접수번호", application.ReceiptNumber)
            .Field("기업", $"{application.FirmName} ({application.BusinessRegistrationNumber})");

    /// <summary>
    /// How every staff mail that asks for action starts: <see cref="StaffIntro"/>, the facts that say which step or which
    /// mail, then the link to the application, where the staff act.
    /// </summary>
    static MailBody StaffNotice(MailBody body, ApplicationEntity application, string what, string statusUrl, params (string Label, string Value)[] facts)
    {
        StaffIntro(body, application, what);
        foreach (var (label, value) in facts)
        {
            body.Field(label, value);
        }

        return body.Link("신청", statusUrl);
    }

    /// <summary>For the staff, in Korean: which application, which step.</summary>
    static string Failure(MailBody body, ApplicationEntity application, IReadOnlyList<string> failedSteps, string statusUrl)
    {
        StaffNotice(body, application, "아래 신청의 처리 단계가 재시도 후에도 실패하여 신청이 오류(Failed) 상태로 종료되었습니다.", statusUrl,
                ("실패한 단계", string.Join(", ", failedSteps)))
            .Paragraph("관리 화면에서 원인을 확인해 주십시오.");
        return "처리 오류 발생";
    }

    /// <summary>For the staff, in Korean: what failed, and that the application waits for them.</summary>
    static string StepFailed(MailBody body, ApplicationEntity application, IReadOnlyList<string> failure, string statusUrl)
    {
        StaffNotice(body, application, "아래 신청의 처리 단계가 재시도 후에도 실패하여 신청이 오류(Failed) 상태로 멈춰 있습니다.", statusUrl,
                ("실패 당시 상태", failure[0]), ("오류", failure[1]))
            .Paragraph("원인을 해결한 뒤 관리 화면에서 재시도(retry)하면 실패한 단계부터 다시 진행됩니다. 진행하지 않을 신청은 종료(terminate)해 주십시오.");
        return "처리 오류 발생";
    }

    /// <summary>For the staff, in Korean: the mail that could not be delivered, so that someone reaches the firm another way.</summary>
    static string MailRejected(MailBody body, ApplicationEntity application, IReadOnlyList<string> rejected, string statusUrl)
    {
        StaffNotice(body, application, "아래 메일을 메일 서비스(SendGrid)가 받지 않아 발송하지 못했습니다. 신청은 계속 진행됩니다. 다른 방법으로 연락해 주십시오.", statusUrl,
            ("메일", rejected[0]), ("받는 사람", rejected[1]), ("응답", rejected[2]));
        return "메일 발송 실패";
    }

    /// <summary>For the staff, in Korean: a mail that may not have gone out, and how to make sure the person has it.</summary>
    static string MailUncertain(MailBody body, ApplicationEntity application, IReadOnlyList<string> uncertain, string statusUrl)
    {
        StaffNotice(body, application, "아래 메일을 메일 서비스(SendGrid)에 넘기는 도중 서버가 중단되어 발송 여부를 확인할 수 없습니다. 같은 메일을 두 번 보내지 않도록 자동으로 다시 보내지 않았습니다. 받는 사람에게 확인하시고, 검토·결과 보고 링크라면 관리 화면의 '링크 재발송'으로 새 링크를 보내 주십시오.", statusUrl,
            ("메일", uncertain[0]), ("받는 사람", uncertain[1]));

        // One subject per mail (two cut short at once are two notices), by its key: quoting the mail's own subject would
        // make the notice look like that mail to whoever searches the mailbox for it.
        return $"메일 발송 확인 필요 ({uncertain[2]})";
    }

    /// <param name="confirmBy">From version 3: when the application expires unless the firm confirms it.</param>
    static string Receipt(MailBody body, ApplicationEntity application, IReadOnlyList<string> confirmBy, string firmPage, bool en)
    {
        var confirm = confirmBy.Count > 0;
        body.Paragraph(en
                ? "Your application to the Namdong cluster's customised support by company growth stage has been received."
                : "남동클러스터 기업성장단계별 맞춤형 서비스 프로그램 신청이 접수되었습니다.")
            .Field(en ? "Receipt number" : "접수번호", application.ReceiptNumber)
            .Field(en ? "Status" : "현재 상태", confirm ? en ? "Waiting for your confirmation" : "신청 확인 대기" : en ? "Submitted" : "접수")
            .Paragraph(confirm
                ? en ? "Please open your application's page and confirm it. Nothing happens until you do; unconfirmed, the application expires."
                     : "아래 신청 페이지를 열어 신청을 확인해 주십시오. 확인하기 전에는 신청이 진행되지 않으며, 기한까지 확인하지 않으면 신청이 만료됩니다."
                : en ? "Next, please upload your business registration certificate, financial statements and business plan."
                     : "사업자등록증, 재무제표, 사업계획서를 제출해 주십시오.")
            .Link(en ? "Your application's page" : "신청 페이지", firmPage);
        if (confirm)
        {
            body.Field(en ? "Confirm by" : "확인 기한", KoreaTime.Format(DateTimeOffset.Parse(confirmBy[0], System.Globalization.CultureInfo.InvariantCulture)));
        }

        body.Paragraph(en
                ? "This link is personal: it opens your application without a password. Do not forward this mail."
                : "이 링크는 귀사 전용이며 비밀번호 없이 신청서를 엽니다. 이 메일을 다른 사람에게 전달하지 마십시오.");
        return en ? "Your application has been received" : "기업성장단계별 맞춤형 지원사업 신청이 접수되었습니다";
    }

    static string Documents(MailBody body, IReadOnlyList<string> missing, string firmPage, bool en, bool reminder)
    {
        body.Paragraph(reminder
            ? en ? "A reminder: these documents are still missing from your application." : "신청서의 아래 서류가 아직 제출되지 않았습니다. 다시 한번 안내드립니다."
            : en ? "To review your application we need these documents:" : "신청서 검토를 위해 아래 서류를 제출해 주십시오.");
        foreach (var kind in missing)
        {
            body.Paragraph($"- {DocumentLabel(kind, en)}");
        }

        body.Link(en ? "Upload them on your application's page" : "신청 페이지에서 제출", firmPage)
            .Paragraph(en
                ? "Without them the application expires at the deadline."
                : "기한 내에 제출되지 않으면 신청이 만료됩니다.");
        return reminder
            ? en ? "Reminder: documents still missing" : "서류 제출 안내 (재안내)"
            : en ? "Documents needed for your application" : "제출 서류 보완 요청";
    }

    static string FirmLink(MailBody body, ApplicationEntity application, string firmPage, bool en)
    {
        body.Paragraph(en
                ? "As asked, here is a new link to your application's page. The links sent before no longer open it."
                : "요청에 따라 신청 페이지 링크를 새로 보내드립니다. 이전에 받은 링크는 더 이상 열리지 않습니다.")
            .Link(en ? "Your application's page" : "신청 페이지", firmPage);
        if (application.WorkflowVersion >= 3 && application.ConfirmedAt is null && application.CurrentStatus == ApplicationStatus.Submitted)
        {
            body.Paragraph(en ? "Please confirm your application on that page." : "신청 페이지에서 신청을 확인해 주십시오.");
        }

        return en ? "A new link to your application" : "신청 페이지 링크 안내";
    }

    static string Ineligible(MailBody body, IReadOnlyList<string> reasons, bool en)
    {
        body.Paragraph(en
            ? "We are sorry: your firm is not eligible for this programme, for this reason:"
            : "검토 결과 아래 사유로 본 프로그램의 지원 대상에 해당하지 않습니다.");
        foreach (var reason in reasons)
        {
            body.Paragraph("- " + reason switch
            {
                IneligibilityReasons.RevenueOverCeiling => en ? "the latest year's revenue is above the programme's ceiling" : "최근 연도 매출액이 지원 상한을 초과합니다",
                IneligibilityReasons.TooManyEmployees => en ? "the number of employees is at or above the programme's ceiling" : "상시 근로자 수가 지원 상한 이상입니다",
                _ => reason,
            });
        }

        return en ? "Your firm is not eligible" : "지원 대상 부적격 안내";
    }

    static string Expired(MailBody body, string step, bool en)
    {
        body.Paragraph(step switch
        {
            ExpiredSteps.Review => en
                ? "The review of your application could not be completed before its deadline, so the application has expired. We apologise; you are welcome to apply again."
                : "검토 기한 내에 심사가 완료되지 않아 신청이 만료되었습니다. 불편을 드려 죄송합니다. 필요하시면 다시 신청해 주십시오.",
            ExpiredSteps.Changes => en
                ? "The changes the reviewer asked for did not arrive before the deadline, so your application has expired. You are welcome to apply again."
                : "보완 요청 기한 내에 수정된 신청서가 제출되지 않아 신청이 만료되었습니다. 필요하시면 다시 신청해 주십시오.",
            _ => en
                ? "The required documents did not arrive before the deadline, so your application has expired. You are welcome to apply again."
                : "서류 제출 기한이 지나 신청이 만료되었습니다. 필요하시면 다시 신청해 주십시오.",
        });
        return en ? "Your application has expired" : "신청 기한 만료 안내";
    }

    static string Rejected(MailBody body, IReadOnlyList<string> comment, bool en)
    {
        body.Paragraph(en
                ? "We are sorry: after review, your application was not selected for support. The reviewer's comment:"
                : "검토 결과 아쉽게도 이번 지원 대상으로 선정되지 않았습니다. 검토 의견은 다음과 같습니다.")
            .Paragraph(string.Join("\n", comment));
        return en ? "Result of the review: not selected" : "검토 결과 안내 (미선정)";
    }

    static string ChangesRequested(MailBody body, IReadOnlyList<string> comment, string firmPage, bool en)
    {
        body.Paragraph(en ? "The reviewer asks for changes to your application:" : "검토 위원이 신청서의 보완을 요청하였습니다.")
            .Paragraph(string.Join("\n", comment))
            .Link(en ? "Correct and resubmit on your application's page" : "신청 페이지에서 수정 제출", firmPage)
            .Paragraph(en
                ? "Please send the corrected application before the deadline; it will then be diagnosed and reviewed again."
                : "기한 내에 수정된 신청서를 제출해 주시면 다시 진단 및 검토가 진행됩니다.");
        return en ? "Changes requested to your application" : "신청서 보완 요청";
    }

    /// <summary>For the staff, in Korean: a review waits for a reviewer nobody can be.</summary>
    static string NoReviewer(MailBody body, ApplicationEntity application)
    {
        StaffIntro(body, application, "아래 신청을 배정할 수 있는 검토위원이 없습니다 (활성 상태이며 이해충돌이 없는 검토위원 없음).")
            .Paragraph("검토위원을 추가하거나 활성화한 뒤 관리 화면에서 재발송(resend)해 주십시오.");
        return "검토위원 배정 불가";
    }

    /// <summary>For the staff, in Korean: a task nobody can take; an admin assigns it by hand.</summary>
    static string Unmatched(MailBody body, ApplicationEntity application, IReadOnlyList<string> task)
    {
        StaffIntro(body, application, "아래 과제를 수행할 수 있는 전문가가 없습니다 (분야, 여력, 이해충돌 조건을 충족하는 전문가 없음).")
            .Field("과제", string.Join(" ", task))
            .Paragraph("관리 화면에서 전문가를 직접 배정해 주십시오 (POST /api/admin/applications/{id}/tasks/{taskId}/assign).");
        return "전문가 매칭 실패";
    }

    /// <summary>For the staff, in Korean: a task whose report is overdue; the wait goes on.</summary>
    static string Overdue(MailBody body, ApplicationEntity application, IReadOnlyList<string> task)
    {
        body.Paragraph("아래 과제의 수행 결과 보고가 기한을 넘겼습니다. 보고는 계속 받을 수 있습니다.")
            .Field("접수번호", application.ReceiptNumber)
            .Field("기업", application.FirmName)
            .Field("과제 / 전문가", string.Join(" / ", task));
        return "전문가 수행 기한 초과";
    }

    static string FeedbackRequest(MailBody body, string firmPage, bool en)
    {
        body.Paragraph(en
                ? "The experts have completed the support planned for your firm. Please tell us how it went on your application's page: it takes a minute."
                : "귀사에 대한 전문가 지원이 모두 완료되었습니다. 신청 페이지에서 지원 만족도를 평가해 주십시오.")
            .Link(en ? "Give feedback" : "만족도 평가하기", firmPage);
        return en ? "How was the support?" : "지원 만족도 평가 요청";
    }

    static string Completion(MailBody body, IReadOnlyList<string> tasks, bool en)
    {
        body.Paragraph(en
            ? "Your application is complete. The support you received:"
            : "신청하신 기업성장 맞춤형 지원이 완료되었습니다. 수행 내역은 다음과 같습니다.");
        foreach (var task in tasks)
        {
            body.Paragraph("- " + task);
        }

        body.Paragraph(en ? "Thank you for taking part in the programme." : "프로그램에 참여해 주셔서 감사합니다.");
        return en ? "Support completed" : "지원 완료 안내";
    }

    /// <summary>"사업계획서 (BusinessPlan)": the label in the mail's language, then the kind (docs/workflow.md, Mail).</summary>
    public static string DocumentLabel(string kind, bool english)
    {
        var label = Enum.TryParse<DocumentKind>(kind, out var known) && ChoiceLabels.Documents.TryGetValue(known, out var labels)
            ? english ? labels.English : labels.Korean
            : kind;
        return $"{label} ({kind})";
    }
}
