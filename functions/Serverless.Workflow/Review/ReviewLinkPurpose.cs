using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>
/// The reviewer's link: the whole application (its documents opened through the link itself), then a decision that
/// requires declaring no conflict of interest, or the declaration of one, which recuses the reviewer
/// (<see cref="ReviewRecusal"/>).
/// </summary>
public sealed class ReviewLinkPurpose(ApplicationStore applications, ReviewRecusal recusal, CallStore calls, CallBudget budget, TimeProvider time)
    : ApplicationLinkPurpose<ReviewDecided>(applications, LinkPurpose.Review, "지원 신청 검토", "Application review"), IRecusable
{
    public const string Conflict = "conflict";

    public override bool OpensDocuments => true;

    protected override async Task WriteAsync(LinkPage page, ApplicationEntity application, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        ApplicationDossier.Write(page, application);
        if (application.CallId.Length > 0 && await calls.FindAsync(application.CallId, cancellationToken) is { } call)
        {
            // Before deciding, the reviewer sees whether the call can still pay for this plan.
            var left = call.LeftKrw;
            var needed = ApplicationPlan.Tasks(application).Sum(t => t.ProgrammeShareKrw);
            page.Heading(page.Say("모집 예산", "The call's budget"))
                .Field(page.Say("모집공고", "Call"), page.Say(call.TitleKo, call.TitleEn))
                .Field(page.Say("남은 예산", "Budget left"), $"{ApplicationDossier.Krw(left)}{page.Say("원", " won")}")
                .Field(page.Say("이 계획의 지원금", "This plan's programme share"), $"{ApplicationDossier.Krw(needed)}{page.Say("원", " won")}");
            if (left < needed)
            {
                page.Error(page.Say(
                    "남은 예산이 이 계획의 지원금보다 적어 지금은 승인할 수 없습니다. 사무국이 예산을 늘리면 검토 요청 메일을 다시 보내 드립니다.",
                    "The budget left is less than this plan's programme share, so it cannot be approved now. Once the office raises the budget, you are mailed again."));
            }
        }

        page.Heading(page.Say("검토 결과", "Your decision"))
            .BeginForm()
            .Choices("decision", page.Say("결정", "Decision"),
                [(ReviewDecisions.Approve, page.Say("승인", "Approve")), (ReviewDecisions.Changes, page.Say("보완 요청", "Ask for changes")),
                    (ReviewDecisions.Reject, page.Say("반려", "Reject")),
                    (Conflict, page.Say("이해충돌이 있어 검토를 회피합니다 (다른 검토위원에게 넘어갑니다)", "I have a conflict of interest and step aside (another reviewer takes over)"))],
                posted?["decision"].ToString())
            .Checkbox("noConflict", "true", page.Say("이 기업과 이해충돌이 없음을 확인합니다 (승인·보완 요청·반려 시 필수)", "I declare no conflict of interest with this firm (required to approve, ask for changes or reject)"),
                posted?["noConflict"].ToString() == "true")
            .TextArea("comment", page.Say("의견 (반려·보완 요청 시 필수, 기업에 전달됨)", "Comment (required to reject or ask for changes; the firm reads it)"),
                posted?["comment"].ToString() ?? "", FormFields.MaxTextLength)
            .EndForm(page.Say("제출", "Submit"));
    }

    /// <summary>
    /// An approval commits the plan's programme share against the call's budget (<see cref="CallBudget"/>) before it is
    /// claimed. When the budget no longer covers it, nothing is decided: the review waits for the budget
    /// (<c>pending.kind = Budget</c>), and the reviewer is mailed again once an admin raises it.
    /// </summary>
    protected override async Task<string?> AdmitAsync(LinkEntity link, ReviewDecided decision, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (decision.Decision != ReviewDecisions.Approve)
        {
            return null;
        }

        var application = await Applications.GetAsync(link.ApplicationId, cancellationToken);
        if (await budget.CommitAsync(application, cancellationToken) is not BudgetCommit.NotEnough(var left, var needed))
        {
            return null;
        }

        var now = time.GetUtcNow();
        await budget.WaitAsync(application, cancellationToken);
        await Applications.AppendEventAsync(
            link.ApplicationId, nameof(BudgetShort), $"reviewer:{link.Actor}", $"left {left} won, needed {needed} won", now, cancellationToken);
        await durable.RaiseEventAsync(link.ApplicationId, WorkflowEvents.BudgetShort(link.Round), new BudgetShort(left, needed, now), cancellationToken);
        return link.Language == "en"
            ? $"This call has {ApplicationDossier.Krw(left)} won left, less than this plan's programme share of {ApplicationDossier.Krw(needed)} won, so it cannot be approved now. Nothing was decided: once the office raises the budget, you are mailed again. You may still reject or ask for changes."
            : $"이 모집의 남은 예산은 {ApplicationDossier.Krw(left)}원으로 이 계획의 지원금 {ApplicationDossier.Krw(needed)}원보다 적어 지금은 승인할 수 없습니다. 결정은 기록되지 않았습니다. 사무국이 예산을 늘리면 검토 요청 메일을 다시 보내 드립니다. 반려나 보완 요청은 지금도 하실 수 있습니다.";
    }

    protected override ReviewDecided? Decide(IFormCollection form, ValidationErrors errors)
    {
        var decision = FormFields.OneOf(form, "decision", ReviewDecisions.All, errors);
        if (decision is not null && form["noConflict"].ToString() != "true")
        {
            errors.Add("noConflict", "Deciding requires declaring noConflict=true (or decision=conflict to step aside).");
        }

        var comment = FormFields.Text(form, "comment", required: decision is ReviewDecisions.Reject or ReviewDecisions.Changes, errors);
        return errors.Any ? null : new ReviewDecided(decision!, comment, "", time.GetUtcNow());
    }

    protected override async Task<string?> DeliverAsync(ReviewDecided decision, LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var link = delivery.Link;
        await durable.RaiseEventAsync(link.ApplicationId, WorkflowEvents.ReviewDecided(link.Round), decision with { ReviewerId = link.Actor }, cancellationToken);
        return null;
    }

    protected override void Describe(LinkPage page, ReviewDecided decision)
    {
        page.Field(page.Say("결정", "Decision"), decision.Decision switch
            {
                ReviewDecisions.Approve => page.Say("승인", "Approve"),
                ReviewDecisions.Reject => page.Say("반려", "Reject"),
                _ => page.Say("보완 요청", "Ask for changes"),
            });
        if (decision.Comment is { } comment)
        {
            page.Field(page.Say("의견", "Comment"), comment);
        }
    }

    public bool Recuses(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form["decision"].ToString() == Conflict;
    }

    public Task RecuseAsync(LinkEntity link, bool first, DurableTaskClient durable, CancellationToken cancellationToken) =>
        recusal.RecuseAsync(link, first, durable, cancellationToken);

    public void DescribeRecusal(LinkPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Paragraph(page.Say(
            "이해충돌 신고가 기록되었습니다. 이 신청은 다른 검토위원이 검토합니다. 감사합니다.",
            "Your conflict of interest is recorded; another reviewer will review this application. Thank you."));
    }
}
