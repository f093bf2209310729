using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;

namespace Serverless.Workflow.Engagement;

/// <summary>The report link for a task's expert (or, as a reminder, a new one replacing it).</summary>
public sealed record EngagementLinkWanted(string ApplicationId, string TaskId, bool Reminder, DateTimeOffset Due);

/// <summary>
/// Mails the task's expert an <c>EngagementReport</c> link that stays valid past the due date (a late report is still
/// taken). Issued only once the mail's intent is claimed; a reminder's link revokes the first.
/// </summary>
public sealed class SendEngagementLinkActivity(
    ApplicationStore applications, AssignmentStore assignments, ExpertStore experts, LinkStore links, EmailOutbox outbox, IOptions<EmailOptions> options)
    : TaskActivity<EngagementLinkWanted, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, EngagementLinkWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.GetAsync(input.ApplicationId, CancellationToken.None);
        if (application.CurrentStatus.IsTerminal())
        {
            return false; // Terminated while this step was on its way: no new link goes out.
        }

        var task = ApplicationPlan.Task(application, input.TaskId)!;
        var assignment = (await assignments.FindAsync(input.ApplicationId, input.TaskId, CancellationToken.None))!;
        var expert = await experts.FindAsync(assignment.ExpertId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Expert {assignment.ExpertId} of {input.ApplicationId}/{input.TaskId} is gone.");

        var kind = input.Reminder ? ExpertMailKind.EngagementReminder : ExpertMailKind.Engagement;
        return await outbox.SendOnceAsync(input.ApplicationId, $"{kind}-{input.TaskId}", async cancellationToken =>
        {
            var token = await links.IssueAsync(
                new LinkGrant(input.ApplicationId, LinkPurpose.EngagementReport, expert.RowKey, expert.Language, 0, input.TaskId, ExpiresAt: null),
                cancellationToken);
            return ExpertMail.Render(kind, application, task, expert, options.Value.Link($"/api/links/{token}"), input.Due);
        }, CancellationToken.None);
    }
}
