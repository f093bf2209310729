using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Completion;

/// <summary>
/// Gives back what the ending application holds (<see cref="ApplicationRelease"/>) and returns its support as the
/// completion mail lists it: one line per task, with its expert and report. When every task of the plan has its
/// report (the application completes), its programme share is spent first; otherwise (it failed) it is given back.
/// </summary>
public sealed class FinishApplicationActivity(ApplicationRelease release, ApplicationStore applications, AssignmentStore assignments, CallBudget budget)
    : TaskActivity<string, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string input)
    {
        var done = (await assignments.ListAsync(input, CancellationToken.None)).Where(a => a.CurrentStatus == AssignmentStatus.Completed).ToList();
        var plan = ApplicationPlan.Tasks(await applications.GetAsync(input, CancellationToken.None));
        if (plan.Count > 0 && plan.All(task => done.Any(a => a.TaskId == task.TaskId)))
        {
            await budget.SpendAsync(input, CancellationToken.None);
        }

        await release.ReleaseAsync(input, CancellationToken.None);
        return
        [
            .. done
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
