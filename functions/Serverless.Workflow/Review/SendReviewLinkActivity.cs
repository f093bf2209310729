using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>A review link to mail; <see cref="Key"/> names the intent (once per application).</summary>
public sealed record ReviewLinkWanted(string ApplicationId, int Round, string ReviewerId, ReviewMailKind Kind, DateTimeOffset ExpiresAt, string Key);

/// <summary>
/// Issues a review link and mails it, as one step: the link is issued only once the mail's Outbox intent is claimed,
/// so a retry neither mails twice nor leaves a newer, unmailed link in place of the mailed one.
/// </summary>
public sealed class SendReviewLinkActivity(
    ApplicationStore applications, ReviewerStore reviewers, LinkStore links, EmailOutbox outbox, IOptions<EmailOptions> options)
    : TaskActivity<ReviewLinkWanted, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ReviewLinkWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await applications.GetUnlessEndedAsync(input.ApplicationId, CancellationToken.None) is not { } application)
        {
            return false;
        }

        var reviewer = await reviewers.FindAsync(input.ReviewerId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Reviewer {input.ReviewerId} is assigned to {input.ApplicationId} but gone.");

        return await outbox.SendOnceAsync(input.ApplicationId, input.Key, async cancellationToken =>
        {
            var token = await links.IssueAsync(
                new LinkGrant(input.ApplicationId, LinkPurpose.Review, reviewer.RowKey, reviewer.Language, input.Round, "", input.ExpiresAt),
                cancellationToken);
            return ReviewMail.Render(input.Kind, application, reviewer, options.Value.Link($"/api/links/{token}"), input.ExpiresAt);
        }, CancellationToken.None);
    }
}

/// <summary>How the orchestrator runs <see cref="SendReviewLinkActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class SendReviewLinkCall
{
    public static Task<bool> SendReviewLinkAsync(this StatusSteps steps, ReviewLinkWanted wanted) =>
        steps.CallAsync<bool>(nameof(SendReviewLinkActivity), wanted);
}
