using Microsoft.DurableTask;
using Serverless.Workflow.Email;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Engagement;

/// <summary>
/// Waits for one task's report (docs/workflow.md, step 6): the expert's link, one reminder at
/// <see cref="WorkflowOptions.EngagementReminderAfter"/>, and past <see cref="WorkflowOptions.EngagementDeadline"/> the
/// task is flagged and the staff mailed while the wait goes on.
/// </summary>
internal static class EngagementStep
{
    public static async Task AwaitReportAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow, string taskId)
    {
        var start = context.CurrentUtcDateTime;
        var due = start + workflow.EngagementDeadline;
        await SendLinkAsync(steps, taskId, reminder: false, due);

        var report = context.WaitForExternalEvent<ReportSubmitted>(WorkflowEvents.ReportSubmitted(taskId));
        var reminderAt = start + workflow.EngagementReminderAfter;
        if (reminderAt < due && !await ArrivesBeforeAsync(context, report, reminderAt))
        {
            await SendLinkAsync(steps, taskId, reminder: true, due);
        }

        if (!await ArrivesBeforeAsync(context, report, due))
        {
            var task = await RecordAsync(steps, taskId, null);
            await steps.MailAsync(EmailKind.EngagementOverdue, $"overdue-{taskId}", task);
        }

        await RecordAsync(steps, taskId, await report);
    }

    /// <summary>True when the report is in by <paramref name="time"/>: it may have come before, and then no timer is set.</summary>
    static async Task<bool> ArrivesBeforeAsync(TaskOrchestrationContext context, Task<ReportSubmitted> report, DateTime time) =>
        report.IsCompleted || await context.ArrivesByAsync(report, time);

    static Task<bool> SendLinkAsync(StatusSteps steps, string taskId, bool reminder, DateTime due) =>
        steps.SendEngagementLinkAsync(new EngagementLinkWanted(steps.ApplicationId, taskId, reminder, new DateTimeOffset(due, TimeSpan.Zero)));

    static Task<IReadOnlyList<string>> RecordAsync(StatusSteps steps, string taskId, ReportSubmitted? report) =>
        steps.RecordTaskAsync(new TaskEvent(steps.ApplicationId, taskId, report, steps.Now));
}
