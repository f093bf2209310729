using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Review;

/// <summary>A reviewer of the given role wanted for the application's review round.</summary>
public sealed record ReviewerWanted(string ApplicationId, int Round, ReviewerRole Role);

/// <summary>
/// Picks and counts the round's reviewer of a role (the same one on a retry, while they qualify); null when there is
/// none. A reviewer replaced because they no longer qualify loses the round's links. An application that ended takes
/// nobody, even when it ends while the review is being taken.
/// </summary>
public sealed class AssignReviewerActivity(ApplicationStore applications, ReviewAssignments assignments, LinkStore links)
    : TaskActivity<ReviewerWanted, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, ReviewerWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await applications.GetUnlessEndedAsync(input.ApplicationId, CancellationToken.None) is not { } application)
        {
            return null;
        }

        var assignment = await assignments.AssignAsync(
            input.ApplicationId, input.Round, input.Role, application.BusinessRegistrationNumber, CancellationToken.None);
        if (assignment.Replaced is { } replaced)
        {
            await links.RevokeAsync(
                input.ApplicationId,
                link => link.Purpose == nameof(LinkPurpose.Review) && link.Round == input.Round && link.Actor == replaced,
                CancellationToken.None);
        }

        // Ended while the review was being taken: the terminate's release may have read the reviews before this one
        // was written, so it is given back here (the release is idempotent).
        if ((await applications.GetAsync(input.ApplicationId, CancellationToken.None)).CurrentStatus.IsTerminal())
        {
            await assignments.ReleaseAllAsync(input.ApplicationId, CancellationToken.None);
            return null;
        }

        return assignment.Reviewer?.RowKey;
    }
}

/// <summary>How the orchestrator runs <see cref="AssignReviewerActivity"/>: its name, input and result in one place, with the instance's retries.</summary>
internal static class AssignReviewerCall
{
    public static Task<string?> AssignReviewerAsync(this StatusSteps steps, ReviewerWanted wanted) =>
        steps.CallAsync<string?>(nameof(AssignReviewerActivity), wanted);
}
