using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// Hands the configured timers to the orchestrator. Orchestrators cannot read configuration (it is I/O and may
/// change between replays); an activity's result is kept in history, so every replay sees the same values.
/// </summary>
public sealed class LoadWorkflowOptionsActivity(IOptions<WorkflowOptions> options) : TaskActivity<string, WorkflowOptions>
{
    public override Task<WorkflowOptions> RunAsync(TaskActivityContext context, string input) => Task.FromResult(options.Value);
}

/// <summary>How the orchestrator runs <see cref="LoadWorkflowOptionsActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class LoadWorkflowOptionsCall
{
    public static Task<WorkflowOptions> LoadWorkflowOptionsAsync(this StatusSteps steps) =>
        steps.CallAsync<WorkflowOptions>(nameof(LoadWorkflowOptionsActivity), steps.ApplicationId);
}
