using Serverless.Workflow.Calls;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Links;
using Serverless.Workflow.Review;

namespace Serverless.Workflow.Completion;

/// <summary>
/// What an application holds while it runs, given back when it ends (completed, failed, terminated): its reviewers'
/// pending reviews, its experts' active assignments, its live emailed links, and the programme share still committed
/// (a completed application's was spent just before: <see cref="FinishApplicationActivity"/>). Idempotent.
/// </summary>
public sealed class ApplicationRelease(ReviewAssignments reviews, ExpertLoads loads, LinkStore links, CallBudget budget)
{
    public async Task ReleaseAsync(string applicationId, CancellationToken cancellationToken)
    {
        await budget.ReturnAsync(applicationId, cancellationToken);
        await links.RevokeAsync(applicationId, link => !FirmAccess.IsFirmCredential(link), cancellationToken);
        await reviews.ReleaseAllAsync(applicationId, cancellationToken);
        await loads.ReleaseAllAsync(applicationId, cancellationToken);
    }
}
