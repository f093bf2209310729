using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Pools;

/// <summary>The words a pool's admin API answers with; everything else about experts and reviewers is the same.</summary>
/// <param name="Noun">What the body is called in a parse error: <c>expert</c>, <c>reviewer</c>.</param>
/// <param name="Route">The collection's route (<see cref="ApiRoutes"/>); a created member's Location is it and the id.</param>
public sealed record PoolWording(string Noun, string Route, string EmailTaken, string Busy);

/// <summary>
/// A pool's admin routes (docs/api.md, Admin: Experts, Reviewers): list, get, create, replace, delete. The admin key
/// is checked by the host before these run. A pool says how its body is validated and how a member is shown.
/// </summary>
public abstract class PoolHandlers<TMember, TRequest, TView>(PoolStore<TMember> pool, PoolWording wording)
    where TMember : PoolMemberEntity<TMember>, new()
    where TRequest : class
{
    const int MaxBodyBytes = 64 * 1024;

    protected abstract (TMember? Member, ValidationErrors Errors) Validate(TRequest request);

    protected abstract TView View(TMember member);

    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        ApiResults.Json((await pool.ListAsync(cancellationToken)).Select(View).ToList());

    public async Task<IResult> GetAsync(string memberId, CancellationToken cancellationToken) =>
        ApplicationIds.IsValid(memberId) && await pool.FindAsync(memberId, cancellationToken) is { } found
            ? ApiResults.Json(View(found))
            : Problems.NotFound();

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (member, problem) = await ReadAsync(request, cancellationToken);
        if (member is null)
        {
            return problem!;
        }

        member.RowKey = ApplicationIds.New();
        return await pool.CreateAsync(member, cancellationToken) == PoolWrite.Done
            ? ApiResults.Json(View(member), StatusCodes.Status201Created, $"/{wording.Route}/{member.RowKey}")
            : Problems.Conflict(wording.EmailTaken);
    }

    public async Task<IResult> UpdateAsync(HttpRequest request, string memberId, CancellationToken cancellationToken)
    {
        if (!ApplicationIds.IsValid(memberId))
        {
            return Problems.NotFound();
        }

        var (changes, problem) = await ReadAsync(request, cancellationToken);
        if (changes is null)
        {
            return problem!;
        }

        return await pool.UpdateAsync(memberId, changes, cancellationToken) switch
        {
            PoolWrite.Done => ApiResults.Json(View((await pool.FindAsync(memberId, cancellationToken))!)),
            PoolWrite.EmailTaken => Problems.Conflict(wording.EmailTaken),
            _ => Problems.NotFound(),
        };
    }

    public async Task<IResult> DeleteAsync(string memberId, CancellationToken cancellationToken) =>
        !ApplicationIds.IsValid(memberId)
            ? Problems.NotFound()
            : await pool.DeleteAsync(memberId, cancellationToken) switch
            {
                PoolWrite.Done => TypedResults.NoContent(),
                PoolWrite.Busy => Problems.Conflict(wording.Busy),
                _ => Problems.NotFound(),
            };

    async Task<(TMember? Member, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (parsed, problem) = await RequestBody.ReadObjectAsync<TRequest>(request, MaxBodyBytes, wording.Noun, cancellationToken);
        if (parsed is null)
        {
            return (null, problem);
        }

        var (member, errors) = Validate(parsed);
        return member is null ? (null, Problems.Invalid(errors.ToDictionary())) : (member, null);
    }
}
