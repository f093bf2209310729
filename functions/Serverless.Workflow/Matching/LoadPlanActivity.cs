using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Orchestration;

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

/// <summary>How the orchestrator runs <see cref="LoadPlanActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class LoadPlanCall
{
    public static Task<IReadOnlyList<string>> LoadPlanAsync(this StatusSteps steps) =>
        steps.CallAsync<IReadOnlyList<string>>(nameof(LoadPlanActivity), steps.ApplicationId);
}
