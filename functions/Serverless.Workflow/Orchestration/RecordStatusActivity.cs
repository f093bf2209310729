using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Orchestration;

/// <summary>Writes a status change to the projection and the audit trail (idempotent, see <see cref="ApplicationStore"/>).</summary>
public sealed class RecordStatusActivity(ApplicationStore applications, ILogger<RecordStatusActivity> logger) : TaskActivity<StatusChange, ApplicationStatus>
{
    public override async Task<ApplicationStatus> RunAsync(TaskActivityContext context, StatusChange input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await applications.ApplyStatusAsync(input, CancellationToken.None);
        WorkflowLog.StatusRecorded(logger, input.ApplicationId, input.Status, input.Round);
        return input.Status;
    }
}

/// <summary>How the orchestrator runs <see cref="RecordStatusActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class RecordStatusCall
{
    public static Task<ApplicationStatus> RecordStatusAsync(this StatusSteps steps, StatusChange change, TaskOptions? retry = null) =>
        steps.CallAsync<ApplicationStatus>(nameof(RecordStatusActivity), change, retry);
}
