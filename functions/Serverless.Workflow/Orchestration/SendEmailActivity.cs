using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// A mail the orchestrator wants sent; <see cref="Key"/> names the intent (once per application). Details: what the
/// template needs beyond the application (missing document kinds, ineligibility reasons).
/// </summary>
public sealed record EmailRequest(string ApplicationId, EmailKind Kind, string Key, IReadOnlyList<string>? Details = null);

/// <summary>Renders the mail from the application as it stands and sends it through the Outbox (at most once per key).</summary>
public sealed class SendEmailActivity(ApplicationStore applications, EmailOutbox outbox, IOptions<EmailOptions> options, ILogger<SendEmailActivity> logger)
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

        var message = EmailTemplates.Render(input.Kind, application, input.Details ?? [], options.Value);

        // Mail for the staff with no staff configured has no one to go to.
        var sent = message.To.Count > 0 && await outbox.SendOnceAsync(input.ApplicationId, input.Key, message, CancellationToken.None);
        WorkflowLog.MailHandled(logger, input.ApplicationId, input.Key, sent ? "sent" : message.To.Count == 0 ? "has no recipient" : "was sent before");
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
