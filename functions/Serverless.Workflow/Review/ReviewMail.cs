using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;

namespace Serverless.Workflow.Review;

/// <summary>Why a reviewer gets a review link.</summary>
public enum ReviewMailKind
{
    Request,
    Reminder,
    Escalation,

    /// <summary>An admin's resend: a new link replacing the one mailed before.</summary>
    Resend,
}

/// <summary>The mails that carry a review link, in the reviewer's language, with what they need to decide.</summary>
public static class ReviewMail
{
    public static EmailMessage Render(ReviewMailKind kind, ApplicationEntity application, ReviewerEntity reviewer, string linkUrl, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(reviewer);
        var en = reviewer.Language == "en";
        string Say(string korean, string english) => en ? english : korean;
        var body = new MailBody().Paragraph(Say($"{reviewer.Name} 위원님께", $"Dear {reviewer.Name},"));
        body.Paragraph(kind switch
        {
            ReviewMailKind.Reminder => Say("아직 검토되지 않은 신청이 있어 다시 안내드립니다. 이전에 보내드린 링크는 이 링크로 대체되었습니다.",
                "A reminder: this application still awaits your review. This link replaces the one we sent before."),
            ReviewMailKind.Escalation => Say("담당 위원의 검토가 지연되어 상위 검토를 요청드립니다. 먼저 제출된 결정이 적용됩니다.",
                "The assigned reviewer has not decided yet, so we ask for your review. The first decision submitted stands."),
            ReviewMailKind.Resend => Say("검토 링크를 다시 보내드립니다. 이전 링크는 더 이상 사용할 수 없습니다.",
                "Here is your review link again; the one sent before no longer works."),
            _ => Say("아래 기업의 지원 신청에 대한 검토를 요청드립니다.", "Please review the application below."),
        });
        body.Link(Say("검토하기", "Review"), linkUrl)
            .Field(Say("검토 기한", "Deadline"), TextFormats.Utc(deadline))
            .Paragraph(Say("이 링크는 위원님 전용이며 한 번만 사용할 수 있습니다. 다른 사람에게 전달하지 마십시오.",
                "This link is yours alone and works once; please do not forward it."));
        ReviewSummary.Write(body, application, en);
        body.Paragraph(Say("남동클러스터 기업성장지원 사무국", "Namdong cluster growth support office"));

        var subject = kind switch
        {
            ReviewMailKind.Reminder => Say("검토 요청 (재안내)", "Reminder: review requested"),
            ReviewMailKind.Escalation => Say("검토 요청 (상위 검토)", "Escalated review requested"),
            _ => Say("지원 신청 검토 요청", "Review requested"),
        };
        return body.ToMessage([reviewer.Email], $"[{application.ReceiptNumber}] {subject}");
    }
}
