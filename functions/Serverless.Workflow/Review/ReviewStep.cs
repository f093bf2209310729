using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>
/// One review round (docs/workflow.md, step 4): a reviewer and a link, a reminder with a new link, an Escalation
/// reviewer's link besides, the first decision winning, <c>Expired</c> at the deadline. No reviewer: the staff are
/// mailed and the round waits for an admin's resend (or the reminder time) to find one.
/// </summary>
internal static class ReviewStep
{
    /// <returns>The decision, or null when the deadline passed first.</returns>
    /// <param name="version">From 4 on, an approval the budget refused (<see cref="BudgetShort"/>) makes the review wait for the budget.</param>
    public static async Task<ReviewDecided?> AwaitDecisionAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow, int version)
    {
        var start = context.CurrentUtcDateTime;
        var deadline = start + workflow.ReviewDeadline;
        var round = new ReviewRound(steps, new DateTimeOffset(deadline, TimeSpan.Zero));

        var reviewer = await round.MailReviewerAsync(null, ReviewMailKind.Request, "request");
        await steps.RecordAsync(ApplicationStatus.AwaitingReview, pendingKind: reviewer is null ? PendingKinds.NoReviewer : PendingKinds.Review, dueAt: deadline);

        var alarms = new Queue<(DateTime At, ReviewMailKind Kind)>(
            new (DateTime At, ReviewMailKind Kind)[] { (start + workflow.ReviewReminderAfter, ReviewMailKind.Reminder), (start + workflow.ReviewEscalateAfter, ReviewMailKind.Escalation) }
                .Where(alarm => alarm.At < deadline)
                .OrderBy(alarm => alarm.At));
        var decision = context.WaitForExternalEvent<ReviewDecided>(WorkflowEvents.ReviewDecided(steps.Round));
        var resend = context.WaitForExternalEvent<ResendRequested>(WorkflowEvents.ResendRequested(steps.Round));
        var resends = 0;
        Task<BudgetShort> BudgetShortWait() => context.WaitForExternalEvent<BudgetShort>(WorkflowEvents.BudgetShort(steps.Round));
        var budgetShort = version >= 4 ? BudgetShortWait() : null;
        var waitingForBudget = false;

        async Task MailAgainAsync(ReviewMailKind kind, string occasion)
        {
            var found = await round.MailReviewerAsync(reviewer, kind, occasion);
            if (reviewer is null && found is not null)
            {
                steps.SetPending(ApplicationStatus.AwaitingReview, PendingKinds.Review, deadline);
            }

            reviewer = found;
        }

        while (context.CurrentUtcDateTime < deadline && !decision.IsCompleted)
        {
            var wakeAt = alarms.Count > 0 ? alarms.Peek().At : deadline;
            var first = await context.FirstOrTimeoutAsync(wakeAt, budgetShort is null ? [decision, resend] : [decision, resend, budgetShort]);
            if (first == resend)
            {
                resends++;
                resend = context.WaitForExternalEvent<ResendRequested>(WorkflowEvents.ResendRequested(steps.Round));
                await MailAgainAsync(ReviewMailKind.Resend, $"resend-{resends}");
                if (waitingForBudget && reviewer is not null)
                {
                    // The budget was raised (or an admin had the link sent again): the reviewer decides once more.
                    waitingForBudget = false;
                    steps.SetPending(ApplicationStatus.AwaitingReview, PendingKinds.Review, deadline);
                }
            }
            else if (first is not null && first == budgetShort)
            {
                budgetShort = BudgetShortWait();
                waitingForBudget = true;
                steps.SetPending(ApplicationStatus.AwaitingReview, PendingKinds.Budget, deadline);
            }
            else if (first is null && alarms.Count > 0)
            {
                var alarm = alarms.Dequeue();
                if (waitingForBudget)
                {
                    // Nobody is to be reminded or escalated past while the budget is what is missing.
                }
                else if (alarm.Kind == ReviewMailKind.Reminder)
                {
                    await MailAgainAsync(ReviewMailKind.Reminder, "reminder");
                }
                else if (reviewer is not null)
                {
                    // Escalation is about a reviewer who has not decided; with none assigned there is nobody to escalate past.
                    await round.EscalateAsync();
                }
            }
        }

        // A decision that came in while a mail was being sent, or with the deadline's timer, still counts.
        var outcome = decision.IsCompleted ? decision.Result : null;
        await CloseAsync(steps, outcome);
        return outcome;
    }

    /// <summary>Ends the round: its links revoked, its reviews released, the decision in the audit trail.</summary>
    static async Task CloseAsync(StatusSteps steps, ReviewDecided? decision) =>
        await steps.CloseReviewAsync(new ReviewClosing(steps.ApplicationId, steps.Round, decision, steps.Now));

    /// <summary>The activities of one round, with the round's intent keys (each mail once per round).</summary>
    sealed class ReviewRound(StatusSteps steps, DateTimeOffset deadline)
    {
        /// <summary>
        /// Mails the round's reviewer a (new) link. The assignment is asked for each time: the same reviewer while they
        /// stay active and free of conflict, someone new (with a first request) otherwise; with nobody, the staff are
        /// told once a round. Returns the reviewer, or null.
        /// </summary>
        public async Task<string?> MailReviewerAsync(string? previous, ReviewMailKind kind, string occasion)
        {
            var reviewer = await AssignAsync(ReviewerRole.Reviewer);
            if (reviewer is null)
            {
                await steps.MailAsync(EmailKind.NoReviewer, $"review-{steps.Round}-no-reviewer");
                return null;
            }

            await SendAsync(reviewer, reviewer == previous ? kind : ReviewMailKind.Request, occasion);
            return reviewer;
        }

        /// <summary>Mails an Escalation reviewer a link of their own; the round's reviewer keeps theirs.</summary>
        public async Task EscalateAsync()
        {
            if (await AssignAsync(ReviewerRole.Escalation) is { } escalation)
            {
                await SendAsync(escalation, ReviewMailKind.Escalation, "escalation");
            }
        }

        async Task<string?> AssignAsync(ReviewerRole role) =>
            await steps.AssignReviewerAsync(new ReviewerWanted(steps.ApplicationId, steps.Round, role));

        async Task SendAsync(string reviewerId, ReviewMailKind kind, string occasion) =>
            await steps.SendReviewLinkAsync(
                new ReviewLinkWanted(steps.ApplicationId, steps.Round, reviewerId, kind, deadline, $"review-{steps.Round}-{occasion}"));
    }
}
