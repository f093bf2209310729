using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Pools;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Review;

namespace Serverless.Workflow.Http;

/// <summary>/api/admin/reviewers (docs/api.md, Admin). The admin key is checked by the host before these run.</summary>
public sealed class ReviewerHandlers(ReviewerStore reviewers)
{
    const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        ApiResults.Json(await reviewers.ListAsync(cancellationToken));

    public async Task<IResult> GetAsync(string reviewerId, CancellationToken cancellationToken) =>
        ApplicationIds.IsValid(reviewerId) && await reviewers.FindAsync(reviewerId, cancellationToken) is { } found
            ? ApiResults.Json(found.ToReviewer())
            : Problems.NotFound();

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (reviewer, problem) = await ReadAsync(request, cancellationToken);
        if (reviewer is null)
        {
            return problem!;
        }

        reviewer.RowKey = ApplicationIds.New();
        return await reviewers.CreateAsync(reviewer, cancellationToken) == PoolWrite.Done
            ? ApiResults.Json(reviewer.ToReviewer(), StatusCodes.Status201Created, $"/api/admin/reviewers/{reviewer.RowKey}")
            : Problems.Conflict("A reviewer with this email is already registered.");
    }

    public async Task<IResult> UpdateAsync(HttpRequest request, string reviewerId, CancellationToken cancellationToken)
    {
        if (!ApplicationIds.IsValid(reviewerId))
        {
            return Problems.NotFound();
        }

        var (changes, problem) = await ReadAsync(request, cancellationToken);
        if (changes is null)
        {
            return problem!;
        }

        return await reviewers.UpdateAsync(reviewerId, changes, cancellationToken) switch
        {
            PoolWrite.Done => ApiResults.Json((await reviewers.FindAsync(reviewerId, cancellationToken))!.ToReviewer()),
            PoolWrite.EmailTaken => Problems.Conflict("A reviewer with this email is already registered."),
            _ => Problems.NotFound(),
        };
    }

    public async Task<IResult> DeleteAsync(string reviewerId, CancellationToken cancellationToken) =>
        !ApplicationIds.IsValid(reviewerId)
            ? Problems.NotFound()
            : await reviewers.DeleteAsync(reviewerId, cancellationToken) switch
            {
                PoolWrite.Done => TypedResults.NoContent(),
                PoolWrite.Busy => Problems.Conflict("The reviewer holds pending reviews; deactivate them instead."),
                _ => Problems.NotFound(),
            };

    static async Task<(ReviewerEntity? Reviewer, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (parsed, _, problem) = await RequestBody.ReadJsonAsync<ReviewerRequest>(request, MaxBodyBytes, "reviewer", cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var (reviewer, errors) = ReviewerValidator.Validate(parsed);
        return reviewer is null ? (null, Problems.Invalid(errors.ToDictionary())) : (reviewer, null);
    }
}
