using Microsoft.DurableTask;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// Records each status the orchestrator decides on: the projection (by activity) and the custom status.
/// Deterministic: times come from the orchestration context.
/// </summary>
internal sealed class StatusSteps(TaskOrchestrationContext context, string applicationId)
{
    public int Round { get; set; }

    public async Task<ApplicationStatus> RecordAsync(
        ApplicationStatus status, string? note = null, string? pendingKind = null, DateTimeOffset? dueAt = null)
    {
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        await context.CallActivityAsync(
            nameof(RecordStatusActivity),
            new StatusChange(applicationId, status, Round, now, note),
            SupportApplicationOrchestrator.ActivityRetry);

        var pending = pendingKind is null ? null : new PendingStep(pendingKind, now, dueAt);
        context.SetCustomStatus(new WorkflowStatus(status, status.Stage(), Round, pending));
        return status;
    }
}
