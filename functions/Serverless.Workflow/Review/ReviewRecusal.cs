using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>
/// A reviewer declares a conflict of interest from their link (docs/workflow.md, step 4): the firm's BRN joins their
/// conflicts, the audit trail says so, and the round's review is handed on as an admin's resend hands it on, so the
/// next reviewer is found under the usual rules (the conflicted one no longer qualifies; nobody: the staff are told).
/// </summary>
public sealed class ReviewRecusal(ApplicationStore applications, ReviewerStore reviewers, ReviewAssignments assignments, TimeProvider time)
{
    public async Task RecuseAsync(LinkEntity link, bool first, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(durable);
        var application = await applications.GetAsync(link.ApplicationId, cancellationToken);
        await assignments.DeclareConflictAsync(link.Actor, application.BusinessRegistrationNumber, cancellationToken);
        if (!first)
        {
            return; // the first post handed the review on; a second must not mail the next reviewer again
        }

        var now = time.GetUtcNow();
        await applications.RecordEventAsync(link.ApplicationId, "ReviewerRecused", link.Actor, $"round {link.Round}", now, $"recused-{link.PartitionKey}", cancellationToken);

        // An Escalation reviewer only stands beside the round's reviewer, who keeps the review: nothing to hand on.
        if ((await reviewers.FindAsync(link.Actor, cancellationToken))?.Role == nameof(ReviewerRole.Reviewer))
        {
            await durable.RaiseEventAsync(
                link.ApplicationId, WorkflowEvents.ResendRequested(link.Round), new ResendRequested("recusal", now), cancellationToken);
        }
    }
}
