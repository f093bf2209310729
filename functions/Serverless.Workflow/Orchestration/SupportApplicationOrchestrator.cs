using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Email;
using Serverless.Workflow.Screening;

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
        var id = input.ApplicationId;
        var steps = new StatusSteps(context, id);
        try
        {
            return await RunStepsAsync(context, steps, id);
        }
        catch (TaskFailedException failed)
        {
            // A step still failing after its retries: the application ends as Failed (so the firm is not stuck
            // with an open application) and the programme staff are told which step it was.
            await steps.RecordAsync(ApplicationStatus.Failed, note: $"{failed.TaskName} failed after its retries");
            await steps.MailAsync(EmailKind.Failure, "failure", [failed.TaskName]);
            return ApplicationStatus.Failed;
        }
    }

    static async Task<ApplicationStatus> RunStepsAsync(TaskOrchestrationContext context, StatusSteps steps, string id)
    {
        var workflow = await context.CallActivityAsync<WorkflowOptions>(nameof(LoadWorkflowOptionsActivity), id, ActivityRetry);
        await steps.MailAsync(EmailKind.Receipt, "receipt");

        // 1. Screening: eligibility, then the required documents (intake wrote the application as Submitted).
        var screening = await steps.ScreenAsync();
        if (!screening.Eligible)
        {
            await steps.RecordAsync(ApplicationStatus.Ineligible, note: string.Join(", ", screening.Reasons));
            await steps.MailAsync(EmailKind.Ineligible, "ineligible", screening.Reasons);
            return ApplicationStatus.Ineligible;
        }

        if (screening.Missing.Count > 0 && !await DocumentsStep.AwaitAsync(context, steps, workflow, screening.Missing))
        {
            return ApplicationStatus.Expired;
        }

        // 2-3. Diagnosis and support plan. The review step (and what follows) lands with the next issue.
        await context.CallActivityAsync<int>(
            nameof(DiagnoseApplicationActivity), new DiagnoseRequest(id, steps.Now), ActivityRetry);
        return await steps.RecordAsync(ApplicationStatus.Diagnosed);
    }
}
