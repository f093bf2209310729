using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Completion;

/// <summary>The firm's feedback: a rating of 1 to 5 and a comment, kept in the audit trail.</summary>
public sealed class FeedbackLinkPurpose(ApplicationStore applications, TimeProvider time)
    : ApplicationLinkPurpose<FeedbackGiven>(applications, LinkPurpose.Feedback, "지원 만족도 평가", "Feedback on the support")
{
    static readonly string[] Ratings = ["1", "2", "3", "4", "5"];

    protected override Task WriteAsync(LinkPage page, ApplicationEntity application, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        page.Field(page.Say("접수번호", "Receipt number"), application.ReceiptNumber)
            .Field(page.Say("기업", "Firm"), application.FirmName)
            .BeginForm()
            .Choices("rating", page.Say("받으신 지원에 얼마나 만족하셨습니까? (1 매우 불만족 – 5 매우 만족)", "How satisfied are you with the support? (1 very unsatisfied – 5 very satisfied)"),
                Ratings.Select(rating => (rating, rating)), posted?["rating"].ToString())
            .TextArea("comment", page.Say("의견 (선택)", "Comment (optional)"), posted?["comment"].ToString() ?? "", FormFields.MaxTextLength)
            .EndForm(page.Say("제출", "Submit"));
        return Task.CompletedTask;
    }

    protected override FeedbackGiven? Decide(IFormCollection form, ValidationErrors errors)
    {
        var rating = FormFields.OneOf(form, "rating", Ratings, errors);
        var comment = FormFields.Text(form, "comment", required: false, errors);
        return errors.Any ? null : new FeedbackGiven(int.Parse(rating!, CultureInfo.InvariantCulture), comment, time.GetUtcNow());
    }

    protected override async Task<string?> DeliverAsync(FeedbackGiven decision, LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var applicationId = delivery.Link.ApplicationId;
        await Applications.RecordEventAsync(
            applicationId, nameof(FeedbackGiven), "firm", $"{decision.Rating}/5{(decision.Comment is null ? "" : ": " + decision.Comment)}",
            decision.At, "feedback", cancellationToken);
        await durable.RaiseEventAsync(applicationId, WorkflowEvents.FeedbackGiven, decision, cancellationToken);
        return null;
    }

    protected override void Describe(LinkPage page, FeedbackGiven decision) =>
        page.Field(page.Say("평가", "Rating"), $"{decision.Rating} / 5");
}
