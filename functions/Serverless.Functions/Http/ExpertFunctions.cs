using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Workflow.Http;
using Serverless.Workflow.Experts;

namespace Serverless.Functions.Http;

/// <summary>The expert pool; the Functions host checks the function key (x-functions-key) before these run.</summary>
public sealed class ExpertFunctions(ExpertHandlers handlers)
{
    [Function(nameof(ListExperts))]
    public Task<IResult> ListExperts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Experts)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.ListAsync(cancellationToken);

    [Function(nameof(CreateExpert))]
    public Task<IResult> CreateExpert(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Experts)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.CreateAsync(request, cancellationToken);

    [Function(nameof(GetExpert))]
    public Task<IResult> GetExpert(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Expert)] HttpRequest request,
        string expertId,
        CancellationToken cancellationToken) =>
        handlers.GetAsync(expertId, cancellationToken);

    [Function(nameof(UpdateExpert))]
    public Task<IResult> UpdateExpert(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Expert)] HttpRequest request,
        string expertId,
        CancellationToken cancellationToken) =>
        handlers.UpdateAsync(request, expertId, cancellationToken);

    [Function(nameof(DeleteExpert))]
    public Task<IResult> DeleteExpert(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Expert)] HttpRequest request,
        string expertId,
        CancellationToken cancellationToken) =>
        handlers.DeleteAsync(expertId, cancellationToken);
}
