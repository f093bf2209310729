using Microsoft.DurableTask;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Orchestration;

/// <summary>Writes a status change to the projection and the audit trail (idempotent, see <see cref="ApplicationStore"/>).</summary>
public sealed class RecordStatusActivity(ApplicationStore applications) : TaskActivity<StatusChange, ApplicationStatus>
{
    public override async Task<ApplicationStatus> RunAsync(TaskActivityContext context, StatusChange input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await applications.ApplyStatusAsync(input, CancellationToken.None);
        return input.Status;
    }
}
