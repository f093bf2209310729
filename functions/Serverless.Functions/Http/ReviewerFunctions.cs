using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Workflow.Http;
using Serverless.Workflow.Review;

namespace Serverless.Functions.Http;

/// <summary>The reviewer pool; the Functions host checks the function key (x-functions-key) before these run.</summary>
public sealed class ReviewerFunctions(ReviewerHandlers handlers)
{
    [Function(nameof(ListReviewers))]
    public Task<IResult> ListReviewers(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Reviewers)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.ListAsync(cancellationToken);

    [Function(nameof(CreateReviewer))]
    public Task<IResult> CreateReviewer(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Reviewers)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.CreateAsync(request, cancellationToken);

    [Function(nameof(GetReviewer))]
    public Task<IResult> GetReviewer(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Reviewer)] HttpRequest request,
        string reviewerId,
        CancellationToken cancellationToken) =>
        handlers.GetAsync(reviewerId, cancellationToken);

    [Function(nameof(UpdateReviewer))]
    public Task<IResult> UpdateReviewer(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Reviewer)] HttpRequest request,
        string reviewerId,
        CancellationToken cancellationToken) =>
        handlers.UpdateAsync(request, reviewerId, cancellationToken);

    [Function(nameof(DeleteReviewer))]
    public Task<IResult> DeleteReviewer(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Reviewer)] HttpRequest request,
        string reviewerId,
        CancellationToken cancellationToken) =>
        handlers.DeleteAsync(reviewerId, cancellationToken);
}
