using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>A review round that ended: with a decision, or without one at its deadline.</summary>
public sealed record ReviewClosing(string ApplicationId, int Round, ReviewDecided? Decision, DateTimeOffset At);

/// <summary>
/// Ends a review round: its remaining links stop working (the first decision wins), its reviewers' pending counts go
/// down, and the decision goes into the audit trail with who took it. A round that did not approve gives back a
/// programme share committed for it (an approval posted through one link while another decided first), and the
/// application no longer waits for the budget. Idempotent.
/// </summary>
public sealed class CloseReviewActivity(ApplicationStore applications, LinkStore links, ReviewAssignments assignments, CallBudget budget)
    : TaskActivity<ReviewClosing, int>
{
    /// <returns>How many reviews were given back.</returns>
    public override async Task<int> RunAsync(TaskActivityContext context, ReviewClosing input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await links.RevokeAsync(
            input.ApplicationId, link => link.Purpose == nameof(LinkPurpose.Review) && link.Round == input.Round, CancellationToken.None);
        var released = await assignments.ReleaseAsync(input.ApplicationId, input.Round, CancellationToken.None);
        await budget.StopWaitingAsync(input.ApplicationId, CancellationToken.None);
        if (input.Decision?.Decision != ReviewDecisions.Approve)
        {
            await budget.ReturnAsync(input.ApplicationId, CancellationToken.None);
        }

        if (input.Decision is { } decision)
        {
            var note = decision.Comment is null ? decision.Decision : $"{decision.Decision}: {decision.Comment}";
            await applications.RecordEventAsync(
                input.ApplicationId, nameof(ReviewDecided), $"reviewer:{decision.ReviewerId}", note, decision.At,
                WorkflowEvents.ReviewDecided(input.Round), CancellationToken.None);
        }

        return released.Count;
    }
}

/// <summary>How the orchestrator runs <see cref="CloseReviewActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class CloseReviewCall
{
    public static Task<int> CloseReviewAsync(this StatusSteps steps, ReviewClosing closing) =>
        steps.CallAsync<int>(nameof(CloseReviewActivity), closing);
}
