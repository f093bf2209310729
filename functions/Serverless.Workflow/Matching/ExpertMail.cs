using System.Globalization;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Email;
using Serverless.Workflow.Experts;

namespace Serverless.Workflow.Matching;

/// <summary>Why an expert gets a link.</summary>
public enum ExpertMailKind
{
    Offer,
    Engagement,
    EngagementReminder,
}

/// <summary>The mails that carry an expert's link, in the expert's language.</summary>
public static class ExpertMail
{
    public static EmailMessage Render(
        ExpertMailKind kind, ApplicationEntity application, PlanTask task, ExpertEntity expert, string linkUrl, DateTimeOffset? due)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(expert);
        var en = expert.Language == "en";
        string Say(string korean, string english) => en ? english : korean;
        var body = new MailBody().Paragraph(Say($"{expert.Name} 전문가님께", $"Dear {expert.Name},"));
        body.Paragraph(kind switch
        {
            ExpertMailKind.Offer => Say(
                "아래 기업의 지원 과제 수행을 요청드립니다. 링크에서 수락 또는 거절해 주십시오. 수락하시려면 해당 기업과 이해충돌이 없음을 확인해 주셔야 합니다.",
                "We would like you to take on the support task below. Please accept or decline at the link; accepting asks you to confirm you have no conflict of interest with the firm."),
            ExpertMailKind.Engagement => Say(
                "과제를 맡아 주셔서 감사합니다. 수행을 마치시면 아래 링크에서 결과 보고서를 제출해 주십시오.",
                "Thank you for taking on the task. When it is done, please send your report at the link below."),
            _ => Say(
                "과제 결과 보고서가 아직 제출되지 않아 다시 안내드립니다. 이전 링크는 이 링크로 대체되었습니다.",
                "A reminder: we have not received your report yet. This link replaces the one we sent before."),
        });
        body.Link(Say("바로가기", "Open"), linkUrl);
        if (due is { } at)
        {
            body.Field(Say("기한", "Due"), TextFormats.Utc(at));
        }

        body.Field(Say("접수번호", "Receipt number"), application.ReceiptNumber)
            .Field(Say("기업", "Firm"), $"{application.FirmName} ({application.BusinessRegistrationNumber})")
            .Field(Say("과제", "Task"), $"{task.TaskId} {task.SupportType}")
            .Field(Say("내용", "Description"), task.Description)
            .Field(Say("사업비", "Budget"), task.BudgetKrw.ToString("#,0", CultureInfo.InvariantCulture) + " KRW")
            .Paragraph(Say("남동클러스터 기업성장지원 사무국", "Namdong cluster growth support office"));

        var subject = kind switch
        {
            ExpertMailKind.Offer => Say("전문가 과제 수행 요청", "Support task offered"),
            ExpertMailKind.Engagement => Say("과제 수행 및 결과 보고 안내", "Your task and its report"),
            _ => Say("결과 보고 요청 (재안내)", "Reminder: report due"),
        };
        return body.ToMessage([expert.Email], $"[{application.ReceiptNumber}] {subject} ({task.TaskId})");
    }
}
