using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Engagement;

/// <summary>The report link for a task's expert (or, as a reminder, a new one replacing it).</summary>
public sealed record EngagementLinkWanted(string ApplicationId, string TaskId, bool Reminder, DateTimeOffset Due);

/// <summary>The workflow's report link and its one reminder (<see cref="EngagementLinks"/>), once each.</summary>
public sealed class SendEngagementLinkActivity(ApplicationStore applications, EngagementLinks links) : TaskActivity<EngagementLinkWanted, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, EngagementLinkWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.GetAsync(input.ApplicationId, CancellationToken.None);
        if (application.CurrentStatus.IsTerminal())
        {
            return false; // Terminated while this step was on its way: no new link goes out.
        }

        var kind = input.Reminder ? ExpertMailKind.EngagementReminder : ExpertMailKind.Engagement;
        return await links.SendAsync(application, input.TaskId, kind, input.Due, $"{kind}-{input.TaskId}", CancellationToken.None);
    }
}

/// <summary>How the orchestrator runs <see cref="SendEngagementLinkActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class SendEngagementLinkCall
{
    public static Task<bool> SendEngagementLinkAsync(this StatusSteps steps, EngagementLinkWanted wanted) =>
        steps.CallAsync<bool>(nameof(SendEngagementLinkActivity), wanted);
}
