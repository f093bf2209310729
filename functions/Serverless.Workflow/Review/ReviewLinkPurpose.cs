using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>The reviewer's link: the application, its diagnosis and plan, and approve / reject / ask for changes.</summary>
public sealed class ReviewLinkPurpose(ApplicationStore applications, TimeProvider time) : ILinkPurpose
{
    public LinkPurpose Purpose => LinkPurpose.Review;

    public long MaxFormBytes => 64 * 1024;

    public string Title(LinkPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Say("지원 신청 검토", "Application review");
    }

    public async Task WriteAsync(LinkPage page, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(link);
        var application = await applications.GetAsync(link.ApplicationId, cancellationToken);
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

    public (string? Decision, ValidationErrors Errors) Read(IFormCollection form)
    {
        var errors = new ValidationErrors();
        var decision = FormFields.OneOf(form, "decision", ReviewDecisions.All, errors);
        var comment = FormFields.Text(form, "comment", required: decision is ReviewDecisions.Reject or ReviewDecisions.Changes, errors);
        return errors.Any
            ? (null, errors)
            : (JsonSerializer.Serialize(new ReviewDecided(decision!, comment, "", time.GetUtcNow()), Json.Options), errors);
    }

    public async Task<string?> DeliverAsync(LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var (link, decision) = (delivery.Link, delivery.Decision);
        ArgumentNullException.ThrowIfNull(durable);
        var decided = JsonSerializer.Deserialize<ReviewDecided>(decision, Json.Options)! with { ReviewerId = link.Actor };
        await durable.RaiseEventAsync(link.ApplicationId, WorkflowEvents.ReviewDecided(link.Round), decided, cancellationToken);
        return null;
    }

    public void Describe(LinkPage page, string decision)
    {
        ArgumentNullException.ThrowIfNull(page);
        var decided = JsonSerializer.Deserialize<ReviewDecided>(decision, Json.Options)!;
        page.Field(page.Say("결정", "Decision"), decided.Decision switch
            {
                ReviewDecisions.Approve => page.Say("승인", "Approve"),
                ReviewDecisions.Reject => page.Say("반려", "Reject"),
                _ => page.Say("보완 요청", "Ask for changes"),
            });
        if (decided.Comment is { } comment)
        {
            page.Field(page.Say("의견", "Comment"), comment);
        }
    }
}
