using Microsoft.DurableTask;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Matching;

/// <summary>The task ids of the application's approved plan (T1, T2, …), for the orchestrator to fan out over.</summary>
public sealed class LoadPlanActivity(ApplicationStore applications) : TaskActivity<string, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string input)
    {
        var application = await applications.GetAsync(input, CancellationToken.None);
        return [.. ApplicationPlan.Tasks(application).Select(t => t.TaskId)];
    }
}
