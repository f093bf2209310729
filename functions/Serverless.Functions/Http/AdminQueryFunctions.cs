using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>The admins' reads; the Functions host checks the function key (x-functions-key) first.</summary>
public sealed class AdminQueryFunctions(AdminQueryHandlers handlers, ApplicationHandlers applications)
{
    [Function(nameof(ListApplications))]
    public Task<IResult> ListApplications(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AdminApplications)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.ListAsync(request, cancellationToken);

    [Function(nameof(ExportApplications))]
    public IResult ExportApplications(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AdminApplicationsCsv)] HttpRequest request) =>
        handlers.Csv(request);

    [Function(nameof(GetAdminApplication))]
    public Task<IResult> GetAdminApplication(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AdminApplication)] HttpRequest request,
        string applicationId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        handlers.GetAsync(applicationId, durable, cancellationToken);

    [Function(nameof(DownloadDocumentForAdmin))]
    public Task<IResult> DownloadDocumentForAdmin(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AdminDocument)] HttpRequest request,
        string applicationId,
        string documentId,
        CancellationToken cancellationToken) =>
        applications.DownloadDocumentForAdminAsync(applicationId, documentId, cancellationToken);

    [Function(nameof(DownloadReportForAdmin))]
    public Task<IResult> DownloadReportForAdmin(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.AdminReport)] HttpRequest request,
        string applicationId,
        string taskId,
        CancellationToken cancellationToken) =>
        handlers.ReportAsync(applicationId, taskId, cancellationToken);

    [Function(nameof(GetStats))]
    public Task<IResult> GetStats(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Stats)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.StatsAsync(cancellationToken);
}
