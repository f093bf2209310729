using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Completion;

/// <summary>The firm's feedback link, open until <see cref="ExpiresAt"/>.</summary>
public sealed record FeedbackLinkWanted(string ApplicationId, DateTimeOffset ExpiresAt);

/// <summary>
/// Asks the firm for its feedback: issues the <c>Feedback</c> link, the one-time decision its page's rating goes through
/// (<see cref="FirmFeedbackHandler"/>), and mails the firm its page, as every firm mail does (both once the mail's intent
/// is claimed). The link itself is not mailed: the firm's mails open only its page.
/// </summary>
public sealed class SendFeedbackLinkActivity(
    ApplicationStore applications, LinkStore links, FirmAccess access, EmailOutbox outbox, IOptions<EmailOptions> options)
    : TaskActivity<FeedbackLinkWanted, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FeedbackLinkWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await applications.GetUnlessEndedAsync(input.ApplicationId, CancellationToken.None) is not { } application)
        {
            return false;
        }

        return await outbox.SendOnceAsync(input.ApplicationId, "feedback-request", async cancellationToken =>
        {
            await links.IssueAsync(
                new LinkGrant(input.ApplicationId, LinkPurpose.Feedback, "firm", application.Language, 0, "", input.ExpiresAt), cancellationToken);
            var firmPage = await access.IssuePageLinkAsync(input.ApplicationId, options.Value, cancellationToken);
            return EmailTemplates.Render(EmailKind.FeedbackRequest, application, [], options.Value, firmPage);
        }, CancellationToken.None);
    }
}

/// <summary>How the orchestrator runs <see cref="SendFeedbackLinkActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class SendFeedbackLinkCall
{
    public static Task<bool> SendFeedbackLinkAsync(this StatusSteps steps, FeedbackLinkWanted wanted) =>
        steps.CallAsync<bool>(nameof(SendFeedbackLinkActivity), wanted);
}
