using Microsoft.DurableTask;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Review;

/// <summary>A reviewer of the given role wanted for the application's review round.</summary>
public sealed record ReviewerWanted(string ApplicationId, int Round, ReviewerRole Role);

/// <summary>Picks and counts the round's reviewer of a role (the same one on a retry); null when there is none.</summary>
public sealed class AssignReviewerActivity(ApplicationStore applications, ReviewAssignments assignments) : TaskActivity<ReviewerWanted, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, ReviewerWanted input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await applications.FindAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Application {input.ApplicationId} has no projection row.");
        var reviewer = await assignments.AssignAsync(
            input.ApplicationId, input.Round, input.Role, application.BusinessRegistrationNumber, CancellationToken.None);
        return reviewer?.RowKey;
    }
}
