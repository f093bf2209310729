using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Links;

namespace Serverless.Workflow.Review;

/// <summary>A reviewer of the given role wanted for the application's review round.</summary>
public sealed record ReviewerWanted(string ApplicationId, int Round, ReviewerRole Role);

/// <summary>
/// Picks and counts the round's reviewer of a role (the same one on a retry, while they qualify); null when there is
/// none. A reviewer replaced because they no longer qualify loses the round's links.
/// </summary>
public sealed class AssignReviewerActivity(ApplicationStore applications, ReviewAssignments assignments, LinkStore links)
    : TaskActivity<ReviewerWanted, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, ReviewerWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.GetAsync(input.ApplicationId, CancellationToken.None);
        var assignment = await assignments.AssignAsync(
            input.ApplicationId, input.Round, input.Role, application.BusinessRegistrationNumber, CancellationToken.None);
        if (assignment.Replaced is { } replaced)
        {
            await links.RevokeAsync(
                input.ApplicationId,
                link => link.Purpose == nameof(LinkPurpose.Review) && link.Round == input.Round && link.Actor == replaced,
                CancellationToken.None);
        }

        return assignment.Reviewer?.RowKey;
    }
}
