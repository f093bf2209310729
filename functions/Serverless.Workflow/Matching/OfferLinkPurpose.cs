using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Matching;

/// <summary>
/// An expert's offer: the task with its budget and field, then the firm, its diagnosis and the plan around the task;
/// accept (confirming no conflict of interest) or decline. Accepting takes
/// the expert's load at once, under ETag, so an expert who filled up meanwhile is told so (409) and the task moves on.
/// </summary>
public sealed class OfferLinkPurpose(ApplicationStore applications, ExpertLoads loads, LinkStore links, TimeProvider time)
    : ApplicationLinkPurpose<OfferAnswered>(applications, LinkPurpose.AssignmentOffer, "전문가 과제 수행 요청", "Support task offered")
{
    const string Accept = "accept";
    const string Decline = "decline";

    protected override Task WriteAsync(LinkPage page, ApplicationEntity application, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        var task = ApplicationPlan.Task(application, link.TaskId)!;
        page.Heading(page.Say("요청 과제", "The task offered"))
            .Field(page.Say("과제", "Task"), $"{task.TaskId}: {task.Description}")
            .Field(page.Say("전문 분야", "Expert field"), ApplicationDossier.Category(page, task.ExpertField))
            .Field(page.Say("예산 (원)", "Budget (KRW)"), ApplicationDossier.Krw(task.BudgetKrw))
            .Field(page.Say("사업비 지원 / 기업 부담 (원)", "Programme / firm share (KRW)"),
                $"{ApplicationDossier.Krw(task.ProgrammeShareKrw)} / {ApplicationDossier.Krw(task.FirmShareKrw)}");
        ApplicationDossier.Write(page, application);
        page.Heading(page.Say("답변", "Your answer"))
            .BeginForm()
            .Choices("decision", page.Say("답변", "Your answer"), [(Accept, page.Say("수락", "Accept")), (Decline, page.Say("거절", "Decline"))], posted?["decision"].ToString())
            .Checkbox("noConflict", "true", page.Say("이 기업과 이해충돌이 없음을 확인합니다 (수락 시 필수)", "I confirm I have no conflict of interest with this firm (required to accept)"),
                posted?["noConflict"].ToString() == "true")
            .TextArea("comment", page.Say("의견 (선택)", "Comment (optional)"), posted?["comment"].ToString() ?? "", FormFields.MaxTextLength)
            .EndForm(page.Say("제출", "Submit"));
        return Task.CompletedTask;
    }

    protected override OfferAnswered? Decide(IFormCollection form, ValidationErrors errors)
    {
        var decision = FormFields.OneOf(form, "decision", [Accept, Decline], errors);
        if (decision == Accept && form["noConflict"].ToString() != "true")
        {
            errors.Add("noConflict", "Accepting requires confirming noConflict=true.");
        }

        var comment = FormFields.Text(form, "comment", required: false, errors);
        var result = decision == Accept ? OfferResult.Accepted : OfferResult.Declined;
        return errors.Any ? null : new OfferAnswered(result, "", comment, time.GetUtcNow());
    }

    protected override async Task<string?> DeliverAsync(OfferAnswered decision, LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var link = delivery.Link;
        var answer = decision with { ExpertId = link.Actor };
        var refused = answer.Result == OfferResult.Accepted ? await TakeAsync(link, delivery.Repeat, cancellationToken) : null;
        answer = refused is null ? answer : answer with { Result = OfferResult.Unavailable };
        await durable.RaiseEventAsync(link.ApplicationId, WorkflowEvents.OfferAnswered(link.TaskId, link.Round), answer, cancellationToken);
        return refused;
    }

    /// <summary>
    /// Takes the expert's load for the task; why not, when it cannot be. A repeated post takes nothing: it only finds
    /// what the first one did. An offer that lapsed while its acceptance was being taken gives the load back (the lapse
    /// step revokes the link before it looks for a load to give back, so one of the two always sees the other).
    /// </summary>
    async Task<string?> TakeAsync(LinkEntity link, bool repeat, CancellationToken cancellationToken)
    {
        var english = link.Language == "en";
        var taken = repeat
            ? await loads.HolderAsync(link.ApplicationId, link.TaskId, cancellationToken) == link.Actor ? TakeResult.Taken : TakeResult.TaskTaken
            : await loads.TakeAsync(link.Actor, link.ApplicationId, link.TaskId, cancellationToken);
        if (taken == TakeResult.Taken && (await links.FindHashAsync(link.PartitionKey, cancellationToken))?.RevokedAt is not null)
        {
            await loads.ReleaseAsync(link.ApplicationId, link.TaskId, link.Actor, cancellationToken);
            return english ? "This offer lapsed just before your answer; the task has gone to another expert." : "답변 직전에 요청 기한이 지나 다른 전문가에게 배정됩니다.";
        }

        return taken switch
        {
            TakeResult.Taken => null,
            TakeResult.Full => english
                ? "You have reached your maximum number of active assignments, so this task goes to another expert."
                : "최대 동시 수행 과제 수에 도달하여 이 과제는 다른 전문가에게 배정됩니다.",
            TakeResult.TaskTaken => english ? "This task has meanwhile been given to another expert." : "이 과제는 이미 다른 전문가에게 배정되었습니다.",
            _ => english ? "Your expert profile is no longer active." : "전문가 등록이 비활성 상태입니다.",
        };
    }

    protected override void Describe(LinkPage page, OfferAnswered decision) =>
        page.Field(page.Say("답변", "Answer"), decision.Result == OfferResult.Accepted ? page.Say("수락", "Accept") : page.Say("거절", "Decline"));
}
