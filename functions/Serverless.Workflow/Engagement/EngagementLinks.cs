using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Engagement;

/// <summary>
/// Mails a task's expert an <c>EngagementReport</c> link, issued only once the mail's intent is claimed; a new link
/// revokes the one before. The link opens until <see cref="WorkflowOptions.LateReportWindow"/> past the deadline (a
/// late report is still taken), or past its sending when an admin sends it again after that.
/// </summary>
public sealed class EngagementLinks(
    AssignmentStore assignments, ExpertStore experts, LinkStore links, EmailOutbox outbox, TimeProvider time,
    IOptions<EmailOptions> email, IOptions<WorkflowOptions> workflow)
{
    /// <summary>Sends the link once per <paramref name="messageKey"/>; false when that mail went out before.</summary>
    public async Task<bool> SendAsync(
        ApplicationEntity application, string taskId, ExpertMailKind kind, DateTimeOffset due, string messageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var task = ApplicationPlan.Task(application, taskId)!;
        var assignment = (await assignments.FindAsync(application.ApplicationId, taskId, cancellationToken))!;
        var expert = await experts.FindAsync(assignment.ExpertId, cancellationToken)
            ?? throw new InvalidOperationException($"Expert {assignment.ExpertId} of {application.ApplicationId}/{taskId} is gone.");

        return await outbox.SendOnceAsync(application.ApplicationId, messageKey, async composing =>
        {
            var now = time.GetUtcNow();
            var expiresAt = (due > now ? due : now) + workflow.Value.LateReportWindow;
            var token = await links.IssueAsync(
                new LinkGrant(application.ApplicationId, LinkPurpose.EngagementReport, expert.RowKey, expert.Language, 0, taskId, expiresAt),
                composing);
            return ExpertMail.Render(kind, application, task, expert, email.Value.Link($"/api/links/{token}"), due);
        }, cancellationToken);
    }
}
