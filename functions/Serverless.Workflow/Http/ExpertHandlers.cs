using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Pools;

namespace Serverless.Workflow.Http;

/// <summary>/api/admin/experts (docs/api.md, Admin). The admin key is checked by the host before these run.</summary>
public sealed class ExpertHandlers(ExpertStore experts)
{
    const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        ApiResults.Json((await experts.ListAsync(cancellationToken)).Select(e => e.ToExpert()).ToList());

    public async Task<IResult> GetAsync(string expertId, CancellationToken cancellationToken) =>
        ApplicationIds.IsValid(expertId) && await experts.FindAsync(expertId, cancellationToken) is { } found
            ? ApiResults.Json(found.ToExpert())
            : Problems.NotFound();

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (expert, problem) = await ReadAsync(request, cancellationToken);
        if (expert is null)
        {
            return problem!;
        }

        expert.RowKey = ApplicationIds.New();
        return await experts.CreateAsync(expert, cancellationToken) == PoolWrite.Done
            ? ApiResults.Json(expert.ToExpert(), StatusCodes.Status201Created, $"/api/admin/experts/{expert.RowKey}")
            : Problems.Conflict("An expert with this email is already registered.");
    }

    public async Task<IResult> UpdateAsync(HttpRequest request, string expertId, CancellationToken cancellationToken)
    {
        if (!ApplicationIds.IsValid(expertId))
        {
            return Problems.NotFound();
        }

        var (changes, problem) = await ReadAsync(request, cancellationToken);
        if (changes is null)
        {
            return problem!;
        }

        return await experts.UpdateAsync(expertId, changes, cancellationToken) switch
        {
            PoolWrite.Done => ApiResults.Json((await experts.FindAsync(expertId, cancellationToken))!.ToExpert()),
            PoolWrite.EmailTaken => Problems.Conflict("An expert with this email is already registered."),
            _ => Problems.NotFound(),
        };
    }

    public async Task<IResult> DeleteAsync(string expertId, CancellationToken cancellationToken) =>
        !ApplicationIds.IsValid(expertId)
            ? Problems.NotFound()
            : await experts.DeleteAsync(expertId, cancellationToken) switch
            {
                PoolWrite.Done => TypedResults.NoContent(),
                PoolWrite.Busy => Problems.Conflict("The expert holds active assignments; deactivate them instead."),
                _ => Problems.NotFound(),
            };

    static async Task<(ExpertEntity? Expert, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (parsed, _, problem) = await RequestBody.ReadJsonAsync<ExpertRequest>(request, MaxBodyBytes, "expert", cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var (expert, errors) = ExpertValidator.Validate(parsed);
        return expert is null ? (null, Problems.Invalid(errors.ToDictionary())) : (expert, null);
    }
}
