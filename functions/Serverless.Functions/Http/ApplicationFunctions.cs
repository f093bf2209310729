using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Confirmation;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>The firm's routes: thin wrappers over <see cref="ApplicationHandlers"/>.</summary>
public sealed class ApplicationFunctions(ApplicationHandlers handlers, ConfirmationHandlers confirmation, FirmFeedbackHandler feedback)
{
    [Function(nameof(SubmitApplication))]
    public Task<IResult> SubmitApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Applications)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.SubmitAsync(request, durable, cancellationToken);

    [Function(nameof(GetApplication))]
    public Task<IResult> GetApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Application)] HttpRequest request,
        string applicationId,
        CancellationToken cancellationToken) =>
        handlers.GetAsync(request, applicationId, cancellationToken);

    [Function(nameof(ConfirmApplication))]
    public Task<IResult> ConfirmApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Confirm)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        confirmation.ConfirmAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(GiveFeedback))]
    public Task<IResult> GiveFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Feedback)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        feedback.GiveAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(UpdateApplication))]
    public Task<IResult> UpdateApplication(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Application)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.UpdateAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(UploadDocument))]
    public Task<IResult> UploadDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Documents)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.UploadDocumentAsync(request, applicationId, durable, cancellationToken);

    [Function(nameof(DownloadDocument))]
    public Task<IResult> DownloadDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Document)] HttpRequest request,
        string applicationId,
        string documentId,
        CancellationToken cancellationToken) =>
        handlers.DownloadDocumentAsync(request, applicationId, documentId, cancellationToken);
}
