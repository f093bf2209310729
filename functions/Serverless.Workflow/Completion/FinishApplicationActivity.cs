using Microsoft.DurableTask;
using Serverless.Workflow.Matching;

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
