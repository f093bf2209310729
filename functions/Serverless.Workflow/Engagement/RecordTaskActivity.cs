using Microsoft.DurableTask;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Engagement;

/// <summary>What happened to a task in its engagement: its report came, or its deadline passed without one.</summary>
public sealed record TaskEvent(string ApplicationId, string TaskId, ReportSubmitted? Report, DateTimeOffset At);

/// <summary>
/// Records an engagement's report (the task is done and the expert's load given back) or its overdue flag; returns
/// the task as the staff mail names it (task, support type, expert). Idempotent.
/// </summary>
public sealed class RecordTaskActivity(ApplicationStore applications, AssignmentStore assignments, ExpertLoads loads, ApplicationStats stats)
    : TaskActivity<TaskEvent, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, TaskEvent input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var assignment = (await assignments.FindAsync(input.ApplicationId, input.TaskId, CancellationToken.None))!;
        if (input.Report is { } report)
        {
            (assignment.Status, assignment.ReportSummary, assignment.ReportBlob, assignment.CompletedAt) =
                (nameof(AssignmentStatus.Completed), report.Summary, report.Blob, report.At);
            await assignments.SaveAsync(assignment, CancellationToken.None);
            await loads.ReleaseAsync(input.ApplicationId, input.TaskId, CancellationToken.None);
            await applications.RecordEventAsync(
                input.ApplicationId, "ReportSubmitted", $"expert:{assignment.ExpertId}", input.TaskId, report.At, $"report-{input.TaskId}", CancellationToken.None);
        }
        else
        {
            assignment.SlaBreached = true;
            await assignments.SaveAsync(assignment, CancellationToken.None);
            await stats.CountOnceAsync(input.ApplicationId, "slaBreaches", $"overdue-{input.TaskId}", CancellationToken.None);
            await applications.RecordEventAsync(
                input.ApplicationId, "EngagementOverdue", "workflow", input.TaskId, input.At, $"overdue-{input.TaskId}", CancellationToken.None);
        }

        return [assignment.TaskId, assignment.SupportType, assignment.ExpertName];
    }
}

/// <summary>How the orchestrator runs <see cref="RecordTaskActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class RecordTaskCall
{
    public static Task<IReadOnlyList<string>> RecordTaskAsync(this StatusSteps steps, TaskEvent taskEvent) =>
        steps.CallAsync<IReadOnlyList<string>>(nameof(RecordTaskActivity), taskEvent);
}
