using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>The reviewer's link: the application, its diagnosis and plan, and approve / reject / ask for changes.</summary>
public sealed class ReviewLinkPurpose(ApplicationStore applications, TimeProvider time)
    : ApplicationLinkPurpose<ReviewDecided>(applications, LinkPurpose.Review, "지원 신청 검토", "Application review")
{
    protected override void Write(LinkPage page, ApplicationEntity application, LinkEntity link, IFormCollection? posted)
    {
        ReviewSummary.Write(page, application, page.English);

        var chosen = posted?["decision"].ToString();
        page.Heading(page.Say("검토 결과", "Your decision"))
            .BeginForm()
            .Choice("decision", ReviewDecisions.Approve, page.Say("승인", "Approve"), chosen == ReviewDecisions.Approve)
            .Choice("decision", ReviewDecisions.Changes, page.Say("보완 요청", "Ask for changes"), chosen == ReviewDecisions.Changes)
            .Choice("decision", ReviewDecisions.Reject, page.Say("반려", "Reject"), chosen == ReviewDecisions.Reject)
            .TextArea("comment", page.Say("의견 (반려·보완 요청 시 필수, 기업에 전달됨)", "Comment (required to reject or ask for changes; the firm reads it)"),
                posted?["comment"].ToString() ?? "", FormFields.MaxTextLength)
            .EndForm(page.Say("제출", "Submit"));
    }

    protected override ReviewDecided? Decide(IFormCollection form, ValidationErrors errors)
    {
        var decision = FormFields.OneOf(form, "decision", ReviewDecisions.All, errors);
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
}
