using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Workflow.Http;
using Serverless.Workflow.Reports;

namespace Serverless.Functions.Http;

/// <summary>The outcome report; the Functions host checks the function key (x-functions-key) before these run.</summary>
public sealed class ReportFunctions(OutcomeReportHandlers handlers)
{
    [Function(nameof(GetOutcomes))]
    public Task<IResult> GetOutcomes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Outcomes)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.GetAsync(request, cancellationToken);

    [Function(nameof(ExportOutcomes))]
    public Task<IResult> ExportOutcomes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.OutcomesXlsx)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handlers.SpreadsheetAsync(request, cancellationToken);
}
