using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Matching;

/// <summary>
/// Finds an expert for one task (docs/workflow.md, step 5); the orchestrator runs one of these per task, side by side.
/// Each offer waits for the expert's answer until <see cref="WorkflowOptions.OfferDeadline"/>; a decline or a lapse
/// goes on to the next candidate; with nobody left the task is Unmatched, the staff are mailed, and an admin's manual
/// assignment ends the wait.
/// </summary>
internal static class MatchingStep
{
    /// <summary>More offers than any pool will see for one task; the loop ends long before, when nobody is left.</summary>
    const int MaxOffers = 200;

    /// <summary>The <see cref="Number"/>th offer of a task: to whom (null: nobody left), open until when.</summary>
    public sealed record Offer(string TaskId, int Number, string? ExpertId, DateTime ExpiresAt);

    /// <summary>
    /// Makes one offer. The orchestrator makes every task's first offer one after the other, so each choice sees the
    /// experts already offered another task of the application; the waits then run side by side.
    /// </summary>
    public static async Task<Offer> OfferAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow, string taskId, int number)
    {
        var expiresAt = context.CurrentUtcDateTime + workflow.OfferDeadline;
        var expert = await steps.OfferTaskAsync(new OfferWanted(steps.ApplicationId, taskId, number, new DateTimeOffset(expiresAt, TimeSpan.Zero)));
        return new Offer(taskId, number, expert, expiresAt);
    }

    /// <summary>Waits for the answer to the offer, and offers again until someone accepts or nobody is left.</summary>
    public static async Task AssignAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow, Offer first)
    {
        ArgumentNullException.ThrowIfNull(first);
        var taskId = first.TaskId;
        for (var offer = first; offer.ExpertId is { } expert;)
        {
            var answered = context.WaitForExternalEvent<OfferAnswered>(WorkflowEvents.OfferAnswered(taskId, offer.Number));
            var answer = await context.ArrivesByAsync(answered, offer.ExpiresAt)
                ? answered.Result
                : new OfferAnswered(OfferResult.Lapsed, expert, null, steps.Now);

            await RecordAsync(steps, taskId, offer.Number, answer);
            if (answer.Result == OfferResult.Accepted)
            {
                return;
            }

            if (offer.Number == MaxOffers)
            {
                break;
            }

            offer = await OfferAsync(context, steps, workflow, taskId, offer.Number + 1);
        }

        if (steps.Current != ApplicationStatus.Unmatched)
        {
            await steps.RecordAsync(ApplicationStatus.Unmatched, note: taskId, pendingKind: PendingKinds.Unmatched);
        }

        await steps.MailAsync(EmailKind.Unmatched, $"unmatched-{taskId}", [taskId]);
        var assigned = await context.WaitForExternalEvent<ExpertAssigned>(WorkflowEvents.ExpertAssigned(taskId));
        await RecordAsync(steps, taskId, 0, new OfferAnswered(OfferResult.Accepted, assigned.ExpertId, "assigned by an admin", assigned.At));
    }

    static async Task RecordAsync(StatusSteps steps, string taskId, int offer, OfferAnswered answer) =>
        await steps.AnswerOfferAsync(new OfferOutcome(steps.ApplicationId, taskId, offer, answer));
}
