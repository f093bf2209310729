using Microsoft.DurableTask;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Completion;

/// <summary>
/// Gives back what the ending application holds (<see cref="ApplicationRelease"/>) and returns its support as the
/// completion mail lists it: one line per task, with its expert and report.
/// </summary>
public sealed class FinishApplicationActivity(ApplicationRelease release, AssignmentStore assignments) : TaskActivity<string, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string input)
    {
        await release.ReleaseAsync(input, CancellationToken.None);
        return
        [
            .. (await assignments.ListAsync(input, CancellationToken.None))
                .Where(a => a.CurrentStatus == AssignmentStatus.Completed)
                .OrderBy(a => a.TaskId, StringComparer.Ordinal)
                .Select(a => $"{a.TaskId} {a.SupportType}: {a.ExpertName}. {a.ReportSummary}"),
        ];
    }
}

/// <summary>How the orchestrator runs <see cref="FinishApplicationActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class FinishApplicationCall
{
    public static Task<IReadOnlyList<string>> FinishApplicationAsync(this StatusSteps steps) =>
        steps.CallAsync<IReadOnlyList<string>>(nameof(FinishApplicationActivity), steps.ApplicationId);
}
