using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Completion;

/// <summary>The firm's feedback: a rating of 1 to 5 and a comment, kept in the audit trail.</summary>
public sealed class FeedbackLinkPurpose(ApplicationStore applications, TimeProvider time) : ILinkPurpose
{
    static readonly string[] Ratings = ["1", "2", "3", "4", "5"];

    public LinkPurpose Purpose => LinkPurpose.Feedback;

    public long MaxFormBytes => 64 * 1024;

    public string Title(LinkPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Say("지원 만족도 평가", "Feedback on the support");
    }

    public async Task WriteAsync(LinkPage page, LinkEntity link, IFormCollection? posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(link);
        var application = await applications.GetAsync(link.ApplicationId, cancellationToken);
        page.Field(page.Say("접수번호", "Receipt number"), application.ReceiptNumber)
            .Field(page.Say("기업", "Firm"), application.FirmName)
            .Paragraph(page.Say("받으신 지원에 얼마나 만족하셨습니까? (1 매우 불만족 – 5 매우 만족)", "How satisfied are you with the support? (1 very unsatisfied – 5 very satisfied)"))
            .BeginForm();
        foreach (var rating in Ratings)
        {
            page.Choice("rating", rating, rating, posted?["rating"].ToString() == rating);
        }

        page.TextArea("comment", page.Say("의견 (선택)", "Comment (optional)"), posted?["comment"].ToString() ?? "", FormFields.MaxTextLength)
            .EndForm(page.Say("제출", "Submit"));
    }

    public (string? Decision, ValidationErrors Errors) Read(IFormCollection form)
    {
        var errors = new ValidationErrors();
        var rating = FormFields.OneOf(form, "rating", Ratings, errors);
        var comment = FormFields.Text(form, "comment", required: false, errors);
        return errors.Any
            ? (null, errors)
            : (JsonSerializer.Serialize(new FeedbackGiven(int.Parse(rating!, System.Globalization.CultureInfo.InvariantCulture), comment, time.GetUtcNow()), Json.Options), errors);
    }

    public async Task<string?> DeliverAsync(LinkDelivery delivery, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var (link, decision) = (delivery.Link, delivery.Decision);
        ArgumentNullException.ThrowIfNull(durable);
        var feedback = JsonSerializer.Deserialize<FeedbackGiven>(decision, Json.Options)!;
        await applications.RecordEventAsync(
            link.ApplicationId, nameof(FeedbackGiven), "firm", $"{feedback.Rating}/5{(feedback.Comment is null ? "" : ": " + feedback.Comment)}",
            feedback.At, "feedback", cancellationToken);
        await durable.RaiseEventAsync(link.ApplicationId, WorkflowEvents.FeedbackGiven, feedback, cancellationToken);
        return null;
    }

    public void Describe(LinkPage page, string decision)
    {
        ArgumentNullException.ThrowIfNull(page);
        var feedback = JsonSerializer.Deserialize<FeedbackGiven>(decision, Json.Options)!;
        page.Field(page.Say("평가", "Rating"), $"{feedback.Rating} / 5");
    }
}
