using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>Admins' operations on an application; the Functions host checks the function key (x-functions-key) first.</summary>
public sealed class AdminApplicationFunctions(AdminApplicationHandlers handlers)
{
    [Function(nameof(ResendLink))]
    public Task<IResult> ResendLink(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Resend)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.ResendAsync(applicationId, durable, cancellationToken);

    [Function(nameof(TerminateApplication))]
    public Task<IResult> TerminateApplication(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Terminate)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.TerminateAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(RetryApplication))]
    public Task<IResult> RetryApplication(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Retry)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.RetryAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(SuspendApplication))]
    public Task<IResult> SuspendApplication(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Suspend)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.SuspendAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(ResumeApplication))]
    public Task<IResult> ResumeApplication(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Resume)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.ResumeAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(PurgeHistory))]
    public Task<IResult> PurgeHistory(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.History)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.PurgeAsync(applicationId, durable, cancellationToken);

    [Function(nameof(AssignTask))]
    public Task<IResult> AssignTask(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Assign)] HttpRequest request,
        string applicationId,
        string taskId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.AssignAsync(request, applicationId, taskId, durable, cancellationToken);
}
