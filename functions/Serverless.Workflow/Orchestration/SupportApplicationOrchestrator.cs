using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Confirmation;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Email;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Review;
using Serverless.Workflow.Screening;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// Carries one application (instance id = applicationId) through the workflow of docs/workflow.md.
/// The orchestrator decides; activities write; HTTP handlers raise events. Its timers come from
/// <see cref="WorkflowOptions"/>, read once by an activity so that history keeps the values an instance started with.
/// </summary>
public sealed class SupportApplicationOrchestrator : TaskOrchestrator<ApplicationStarted, ApplicationStatus>
{
    /// <summary>
    /// How many times a reviewer may ask for changes: the first review is round 0, each resubmission starts the next,
    /// and "changes" in round 3 (the 4th) counts as a rejection (docs/workflow.md, step 4).
    /// </summary>
    public const int MaxChangeRounds = 3;

    public override async Task<ApplicationStatus> RunAsync(TaskOrchestrationContext context, ApplicationStarted input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var id = input.ApplicationId;
        var steps = new StatusSteps(context, id);
        try
        {
            return await RunStepsAsync(context, steps, id, WorkflowVersions.Of(context, input));
        }
        catch (TaskFailedException failed)
        {
            WorkflowLog.StepFailed(context.CreateReplaySafeLogger<SupportApplicationOrchestrator>(), id, failed.TaskName);
            await GiveBackAsync(context, steps);

            // Version 1 (or a version 2 step whose own failure handling failed): a step still failing after its
            // retries ends the application as Failed, and the programme staff are told which step it was.
            await steps.RecordAsync(ApplicationStatus.Failed, note: $"{failed.TaskName} failed after its retries");
            await steps.MailAsync(EmailKind.Failure, "failure", [failed.TaskName]);
            return ApplicationStatus.Failed;
        }
    }

    static async Task<ApplicationStatus> RunStepsAsync(TaskOrchestrationContext context, StatusSteps steps, string id, int version)
    {
        var workflow = await steps.LoadWorkflowOptionsAsync();
        if (version >= 2)
        {
            steps.Retry = steps.RetryUntilAnAdminDecides(workflow);
        }

        // 0. From version 3 on, nothing happens until the firm confirms from the link in its receipt mail.
        if (version < 3)
        {
            await steps.MailAsync(EmailKind.Receipt, "receipt");
        }
        else if (!await ConfirmationStep.AwaitAsync(context, steps, workflow))
        {
            await steps.RecordAsync(ApplicationStatus.Expired, note: "not confirmed"); // no mail: the address may not be the firm's
            return ApplicationStatus.Expired;
        }

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
            return await ExpireAsync(steps, ExpiredSteps.Documents, "documents deadline passed");
        }

        // 2-4. Diagnosis, support plan and review, again for each round of changes the reviewer asks for.
        for (steps.Round = 0; ; steps.Round++)
        {
            await steps.DiagnoseAsync(new DiagnoseRequest(id, steps.Now));
            await steps.RecordAsync(ApplicationStatus.Diagnosed);

            var decision = await ReviewStep.AwaitDecisionAsync(context, steps, workflow, version);
            if (decision is null)
            {
                return await ExpireAsync(steps, ExpiredSteps.Review, "review deadline passed");
            }

            switch (decision.Decision)
            {
                case ReviewDecisions.Approve:
                    await steps.RecordAsync(ApplicationStatus.Approved, note: decision.Comment);
                    return await DeliverSupportAsync(context, steps, workflow);
                case ReviewDecisions.Changes when steps.Round < MaxChangeRounds:
                    if (!await AwaitChangesAsync(context, steps, workflow, decision.Comment!))
                    {
                        return await ExpireAsync(steps, ExpiredSteps.Changes, "changes deadline passed");
                    }

                    break;
                default:
                    // A rejection, or changes asked for once more than the rounds allow (docs/workflow.md: that counts as reject).
                    await steps.RecordAsync(ApplicationStatus.Rejected, note: decision.Comment);
                    await steps.MailAsync(EmailKind.Rejected, "rejected", [decision.Comment!]);
                    return ApplicationStatus.Rejected;
            }
        }
    }

    /// <summary>
    /// Steps 5-8: an expert for every task (side by side), every task's report (side by side), the firm's feedback
    /// (which does not block), then Completed with what the application held given back and a summary to the firm.
    /// </summary>
    static async Task<ApplicationStatus> DeliverSupportAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow)
    {
        var tasks = await steps.LoadPlanAsync();
        await steps.RecordAsync(ApplicationStatus.Matching, pendingKind: PendingKinds.Matching);
        var firstOffers = new List<MatchingStep.Offer>();
        foreach (var task in tasks)
        {
            firstOffers.Add(await MatchingStep.OfferAsync(context, steps, workflow, task, 1));
        }

        await AllOrFirstFaultAsync(firstOffers.Select(offer => MatchingStep.AssignAsync(context, steps, workflow, offer)));

        await steps.RecordAsync(ApplicationStatus.InProgress, pendingKind: PendingKinds.Engagement, dueAt: context.CurrentUtcDateTime + workflow.EngagementDeadline);
        await AllOrFirstFaultAsync(tasks.Select(task => EngagementStep.AwaitReportAsync(context, steps, workflow, task)));

        var feedbackDue = context.CurrentUtcDateTime + workflow.FeedbackDeadline;
        await steps.RecordAsync(ApplicationStatus.AwaitingFeedback, pendingKind: PendingKinds.Feedback, dueAt: feedbackDue);
        await steps.SendFeedbackLinkAsync(new FeedbackLinkWanted(steps.ApplicationId, new DateTimeOffset(feedbackDue, TimeSpan.Zero)));
        await context.ArrivesByAsync(context.WaitForExternalEvent<FeedbackGiven>(WorkflowEvents.FeedbackGiven), feedbackDue);

        var support = await steps.FinishApplicationAsync();
        await steps.RecordAsync(ApplicationStatus.Completed);
        await steps.MailAsync(EmailKind.Completion, "completion", support);
        return ApplicationStatus.Completed;
    }

    /// <summary>
    /// Waits for every task's branch, but ends at the first that fails: <see cref="Task.WhenAll(IEnumerable{Task})"/>
    /// would wait for the others (offers for days, reports for weeks) before the application could end as Failed.
    /// </summary>
    static async Task AllOrFirstFaultAsync(IEnumerable<Task> branches)
    {
        var pending = branches.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            await done; // rethrows the branch's failure
            pending.Remove(done);
        }
    }

    /// <summary>Asks the firm for the reviewer's changes; true once the firm has resubmitted (PUT), false at the deadline.</summary>
    static async Task<bool> AwaitChangesAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow, string comment)
    {
        var deadline = context.CurrentUtcDateTime + workflow.ChangesDeadline;
        await steps.RecordAsync(ApplicationStatus.ChangesRequested, note: comment, pendingKind: PendingKinds.Changes, dueAt: deadline);
        await steps.MailAsync(EmailKind.ChangesRequested, $"changes-{steps.Round}", [comment]);

        return await context.ArrivesByAsync(context.WaitForExternalEvent<ApplicationUpdated>(WorkflowEvents.ApplicationUpdated(steps.Round)), deadline);
    }

    /// <summary>
    /// Before a failed application ends, what it holds is given back: reviews, experts' loads, live links (the same as
    /// at completion).
    /// </summary>
    static async Task GiveBackAsync(TaskOrchestrationContext context, StatusSteps steps)
    {
        try
        {
            await steps.FinishApplicationAsync();
        }
        catch (TaskFailedException)
        {
            // Storage is failing for good: the application still ends as Failed, and the staff mail names the step.
        }
    }

    static async Task<ApplicationStatus> ExpireAsync(StatusSteps steps, string step, string note)
    {
        await steps.RecordAsync(ApplicationStatus.Expired, note: note);
        await steps.MailAsync(EmailKind.Expired, "expired", [step]);
        return ApplicationStatus.Expired;
    }
}
