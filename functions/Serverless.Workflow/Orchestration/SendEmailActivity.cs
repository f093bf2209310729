using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// A mail the orchestrator wants sent; <see cref="Key"/> names the intent (once per application). Details: what the
/// template needs beyond the application (missing document kinds, ineligibility reasons).
/// </summary>
public sealed record EmailRequest(string ApplicationId, EmailKind Kind, string Key, IReadOnlyList<string>? Details = null);

/// <summary>
/// Renders the mail from the application as it stands and sends it through the Outbox (at most once per key). A mail
/// to the firm carries a personal link to the firm's page of its own, issued only once the intent is claimed.
/// </summary>
public sealed class SendEmailActivity(
    ApplicationStore applications, EmailOutbox outbox, FirmAccess access, IOptions<EmailOptions> options, ILogger<SendEmailActivity> logger)
    : TaskActivity<EmailRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, EmailRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.GetAsync(input.ApplicationId, CancellationToken.None);
        if (application.CurrentStatus.IsTerminal() && !IsNoticeOf(application.CurrentStatus, input.Kind))
        {
            WorkflowLog.MailHandled(logger, input.ApplicationId, input.Key, "is not sent: the application has ended");
            return false;
        }

        // Mail for the staff with no staff configured has no one to go to.
        var toStaff = EmailTemplates.IsToStaff(input.Kind);
        if (toStaff && options.Value.AdminAddresses.Count == 0)
        {
            WorkflowLog.MailHandled(logger, input.ApplicationId, input.Key, "has no recipient");
            return false;
        }

        var sent = await outbox.SendOnceAsync(input.ApplicationId, input.Key, async cancellationToken =>
        {
            var firmPage = toStaff ? null : await access.IssuePageLinkAsync(input.ApplicationId, options.Value, cancellationToken);
            return EmailTemplates.Render(input.Kind, application, input.Details ?? [], options.Value, firmPage);
        }, CancellationToken.None);
        WorkflowLog.MailHandled(logger, input.ApplicationId, input.Key, sent ? "sent" : "was sent before");
        return sent;
    }

    /// <summary>The one mail an ended application still sends: the notice of how it ended.</summary>
    static bool IsNoticeOf(ApplicationStatus status, EmailKind kind) => (status, kind) is
        (ApplicationStatus.Ineligible, EmailKind.Ineligible) or (ApplicationStatus.Expired, EmailKind.Expired)
        or (ApplicationStatus.Rejected, EmailKind.Rejected) or (ApplicationStatus.Completed, EmailKind.Completion)
        or (ApplicationStatus.Failed, EmailKind.Failure) or (ApplicationStatus.Failed, EmailKind.StepFailed);
}

/// <summary>How the orchestrator runs <see cref="SendEmailActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class SendEmailCall
{
    public static Task<bool> SendEmailAsync(this StatusSteps steps, EmailRequest email, TaskOptions? retry = null) =>
        steps.CallAsync<bool>(nameof(SendEmailActivity), email, retry);
}
