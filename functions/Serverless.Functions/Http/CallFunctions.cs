using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Calls;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>The calls for applications; the Functions host checks the function key (x-functions-key) before these run.</summary>
public sealed class CallFunctions(CallHandlers handlers)
{
    [Function(nameof(ListCalls))]
    public Task<IResult> ListCalls(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Calls)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.ListAsync(cancellationToken);

    [Function(nameof(CreateCall))]
    public Task<IResult> CreateCall(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Calls)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.CreateAsync(request, cancellationToken);

    [Function(nameof(GetCall))]
    public Task<IResult> GetCall(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Call)] HttpRequest request,
        string callId,
        CancellationToken cancellationToken) =>
        handlers.GetAsync(callId, cancellationToken);

    [Function(nameof(UpdateCall))]
    public Task<IResult> UpdateCall(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Call)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        string callId,
        CancellationToken cancellationToken) =>
        handlers.UpdateAsync(request, callId, durable, cancellationToken);
}
