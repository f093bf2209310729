using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// Carries one application (instance id = applicationId) through the workflow of WORKFLOW.md.
/// The orchestrator decides; activities write; HTTP handlers raise events. Its timers come from
/// <see cref="WorkflowOptions"/>, read once by an activity so that history keeps the values an instance started with.
/// </summary>
public sealed class SupportApplicationOrchestrator : TaskOrchestrator<ApplicationStarted, ApplicationStatus>
{
    /// <summary>Storage hiccups are retried; an activity that still fails fails the orchestration.</summary>
    internal static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2));

    public override async Task<ApplicationStatus> RunAsync(TaskOrchestrationContext context, ApplicationStarted input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var workflow = await context.CallActivityAsync<WorkflowOptions>(
            nameof(LoadWorkflowOptionsActivity), input.ApplicationId, ActivityRetry);
        var steps = new StatusSteps(context, input.ApplicationId);

        await context.CallActivityAsync<bool>(
            nameof(SendEmailActivity), new EmailRequest(input.ApplicationId, EmailKind.Receipt, "receipt"), ActivityRetry);

        // Intake wrote the application as Submitted; the first status the workflow decides on is the next one.
        var documentsDue = context.CurrentUtcDateTime + workflow.DocumentsDeadline;
        await steps.RecordAsync(ApplicationStatus.AwaitingDocuments, pendingKind: PendingKinds.Documents, dueAt: documentsDue);
        try
        {
            await context.WaitForExternalEvent<DocumentsUpdated>(WorkflowEvents.DocumentsUpdated, workflow.DocumentsDeadline);
        }
        catch (TaskCanceledException)
        {
            return await steps.RecordAsync(ApplicationStatus.Expired, note: "documents deadline passed");
        }

        // The steps between documents and completion (screening, diagnosis, review, matching, engagement)
        // are added by the issues that follow; until then a complete upload closes the application.
        return await steps.RecordAsync(ApplicationStatus.Completed);
    }
}
