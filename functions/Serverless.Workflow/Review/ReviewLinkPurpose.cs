using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>
/// The reviewer's link: the whole application (its documents opened through the link itself), then a decision that
/// requires declaring no conflict of interest, or the declaration of one, which recuses the reviewer
/// (<see cref="ReviewRecusal"/>).
/// </summary>
public sealed class ReviewLinkPurpose(ApplicationStore applications, ReviewRecusal recusal, TimeProvider time)
    : ApplicationLinkPurpose<ReviewDecided>(applications, LinkPurpose.Review, "지원 신청 검토", "Application review"), IRecusable
{
    public const string Conflict = "conflict";

    public override bool OpensDocuments => true;

    protected override void Write(LinkPage page, ApplicationEntity application, LinkEntity link, IFormCollection? posted)
    {
        ApplicationDossier.Write(page, application);
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
