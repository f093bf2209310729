using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Matching;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// Finds an expert for one task (WORKFLOW.md, step 5); the orchestrator runs one of these per task, side by side.
/// Each offer waits for the expert's answer until <see cref="WorkflowOptions.OfferDeadline"/>; a decline or a lapse
/// goes on to the next candidate; with nobody left the task is Unmatched, the staff are mailed, and an admin's manual
/// assignment ends the wait.
/// </summary>
internal static class MatchingStep
{
    /// <summary>More offers than any pool will see for one task; the loop ends long before, when nobody is left.</summary>
    const int MaxOffers = 200;

    public static async Task AssignAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow, string taskId)
    {
        for (var offer = 1; offer <= MaxOffers; offer++)
        {
            var expiresAt = context.CurrentUtcDateTime + workflow.OfferDeadline;
            var expert = await context.CallActivityAsync<string?>(
                nameof(OfferTaskActivity), new OfferWanted(steps.ApplicationId, taskId, offer, new DateTimeOffset(expiresAt, TimeSpan.Zero)),
                SupportApplicationOrchestrator.ActivityRetry);
            if (expert is null)
            {
                break;
            }

            using var lapse = new CancellationTokenSource();
            var answered = context.WaitForExternalEvent<OfferAnswered>(WorkflowEvents.OfferAnswered(taskId, offer));
            var timer = context.CreateTimer(expiresAt, lapse.Token);
            OfferAnswered answer;
            if (await Task.WhenAny(answered, timer) == answered)
            {
                lapse.Cancel();
                answer = answered.Result;
            }
            else
            {
                answer = new OfferAnswered(OfferResult.Lapsed, expert, null, steps.Now);
            }

            await RecordAsync(context, steps, taskId, offer, answer);
            if (answer.Result == OfferResult.Accepted)
            {
                return;
            }
        }

        if (steps.Current != ApplicationStatus.Unmatched)
        {
            await steps.RecordAsync(ApplicationStatus.Unmatched, note: taskId, pendingKind: PendingKinds.Unmatched);
        }

        await steps.MailAsync(EmailKind.Unmatched, $"unmatched-{taskId}", [taskId]);
        var assigned = await context.WaitForExternalEvent<ExpertAssigned>(WorkflowEvents.ExpertAssigned(taskId));
        await RecordAsync(context, steps, taskId, 0, new OfferAnswered(OfferResult.Accepted, assigned.ExpertId, "assigned by an admin", assigned.At));
    }

    static async Task RecordAsync(TaskOrchestrationContext context, StatusSteps steps, string taskId, int offer, OfferAnswered answer) =>
        await context.CallActivityAsync<bool>(
            nameof(AnswerOfferActivity), new OfferOutcome(steps.ApplicationId, taskId, offer, answer), SupportApplicationOrchestrator.ActivityRetry);
}
