using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Review;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// One review round (WORKFLOW.md, step 4): a reviewer and a link, a reminder with a new link, an Escalation
/// reviewer's link besides, the first decision winning, <c>Expired</c> at the deadline. No reviewer: the staff are
/// mailed and the round waits for an admin's resend (or the reminder time) to find one.
/// </summary>
internal static class ReviewStep
{
    /// <returns>The decision, or null when the deadline passed first.</returns>
    public static async Task<ReviewDecided?> AwaitDecisionAsync(TaskOrchestrationContext context, StatusSteps steps, WorkflowOptions workflow)
    {
        var round = steps.Round;
        var start = context.CurrentUtcDateTime;
        var deadline = start + workflow.ReviewDeadline;
        var review = new Round(context, steps, new DateTimeOffset(deadline, TimeSpan.Zero));

        var reviewer = await review.FindReviewerAsync(ReviewMailKind.Request);
        await steps.RecordAsync(ApplicationStatus.AwaitingReview, pendingKind: reviewer is null ? PendingKinds.NoReviewer : PendingKinds.Review, dueAt: deadline);

        var alarms = new Queue<(DateTime At, ReviewMailKind Kind)>(
            new (DateTime At, ReviewMailKind Kind)[] { (start + workflow.ReviewReminderAfter, ReviewMailKind.Reminder), (start + workflow.ReviewEscalateAfter, ReviewMailKind.Escalation) }
                .Where(alarm => alarm.At < deadline)
                .OrderBy(alarm => alarm.At));
        var decision = context.WaitForExternalEvent<ReviewDecided>(WorkflowEvents.ReviewDecided(round));
        var resend = context.WaitForExternalEvent<ResendRequested>(WorkflowEvents.ResendRequested);
        var resends = 0;
        while (context.CurrentUtcDateTime < deadline)
        {
            var wakeAt = alarms.Count > 0 ? alarms.Peek().At : deadline;
            using var wakeUp = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt, wakeUp.Token);
            var first = await Task.WhenAny(decision, resend, timer);
            if (first != timer)
            {
                wakeUp.Cancel();
            }

            if (first == decision)
            {
                await review.CloseAsync(decision.Result);
                return decision.Result;
            }

            if (first == resend)
            {
                resends++;
                resend = context.WaitForExternalEvent<ResendRequested>(WorkflowEvents.ResendRequested);
                reviewer = await review.MailAgainAsync(reviewer, ReviewMailKind.Resend, $"resend-{resends}");
            }
            else if (alarms.Count > 0)
            {
                var alarm = alarms.Dequeue();
                if (alarm.Kind == ReviewMailKind.Reminder)
                {
                    reviewer = await review.MailAgainAsync(reviewer, ReviewMailKind.Reminder, "reminder");
                }
                else
                {
                    await review.EscalateAsync();
                }
            }
        }

        await review.CloseAsync(null);
        return null;
    }

    /// <summary>The activities of one round, with the round's intent keys (each mail once per round).</summary>
    sealed class Round(TaskOrchestrationContext context, StatusSteps steps, DateTimeOffset deadline)
    {
        readonly string applicationId = steps.ApplicationId;

        /// <summary>Assigns the round's reviewer and mails the link; without one, tells the staff (once a round).</summary>
        public async Task<string?> FindReviewerAsync(ReviewMailKind kind, string? keySuffix = null)
        {
            var reviewer = await AssignAsync(ReviewerRole.Reviewer);
            if (reviewer is null)
            {
                await steps.MailAsync(EmailKind.NoReviewer, $"review-{steps.Round}-no-reviewer");
                return null;
            }

            await SendAsync(reviewer, kind, keySuffix ?? "request");
            return reviewer;
        }

        /// <summary>A new link for the round's reviewer (or, when there was none, a try to find one).</summary>
        public async Task<string?> MailAgainAsync(string? reviewer, ReviewMailKind kind, string keySuffix)
        {
            if (reviewer is not null)
            {
                await SendAsync(reviewer, kind, keySuffix);
                return reviewer;
            }

            reviewer = await FindReviewerAsync(ReviewMailKind.Request, keySuffix);
            if (reviewer is not null)
            {
                steps.Pending(ApplicationStatus.AwaitingReview, PendingKinds.Review, deadline.UtcDateTime);
            }

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

        public Task<bool> CloseAsync(ReviewDecided? decision) =>
            context.CallActivityAsync<bool>(
                nameof(CloseReviewActivity), new ReviewClosing(applicationId, steps.Round, decision, steps.Now), SupportApplicationOrchestrator.ActivityRetry);

        Task<string?> AssignAsync(ReviewerRole role) =>
            context.CallActivityAsync<string?>(
                nameof(AssignReviewerActivity), new ReviewerWanted(applicationId, steps.Round, role), SupportApplicationOrchestrator.ActivityRetry);

        Task<bool> SendAsync(string reviewerId, ReviewMailKind kind, string keySuffix) =>
            context.CallActivityAsync<bool>(
                nameof(SendReviewLinkActivity),
                new ReviewLinkWanted(applicationId, steps.Round, reviewerId, kind, deadline, $"review-{steps.Round}-{keySuffix}"),
                SupportApplicationOrchestrator.ActivityRetry);
    }
}
