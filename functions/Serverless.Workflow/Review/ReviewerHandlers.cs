using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Pools;

namespace Serverless.Workflow.Review;

/// <summary>/api/admin/reviewers (docs/api.md, Admin: Reviewers).</summary>
public sealed class ReviewerHandlers(ReviewerStore reviewers) : PoolHandlers<ReviewerEntity, ReviewerRequest, Reviewer>(reviewers, Wording)
{
    static readonly PoolWording Wording = new(
        "reviewer", ApiRoutes.Reviewers, "A reviewer with this email is already registered.",
        "The reviewer holds pending reviews; deactivate them instead.");

    protected override (ReviewerEntity? Member, ValidationErrors Errors) Validate(ReviewerRequest request) => ReviewerValidator.Validate(request);

    protected override Reviewer View(ReviewerEntity member) => member.ToReviewer();
}
