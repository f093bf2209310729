using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;

namespace Serverless.Functions.Http;

/// <summary>Emailed links: anonymous routes, since the token in the path is the whole authority.</summary>
public sealed class LinkFunctions(LinkHandlers handlers)
{
    [Function(nameof(ShowLink))]
    public Task<IResult> ShowLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Link)] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        handlers.ShowAsync(request, token, cancellationToken);

    [Function(nameof(DownloadLinkDocument))]
    public Task<IResult> DownloadLinkDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LinkDocument)] HttpRequest request,
        string token,
        string documentId,
        CancellationToken cancellationToken) =>
        handlers.DocumentAsync(request, token, documentId, cancellationToken);

    [Function(nameof(DecideLink))]
    public Task<IResult> DecideLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Link)] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.DecideAsync(request, token, durable, cancellationToken);
}
