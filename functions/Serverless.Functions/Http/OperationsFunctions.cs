using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Admin.Dashboard;
using Serverless.Workflow.Http;
using Serverless.Workflow.Operations;

namespace Serverless.Functions.Http;

/// <summary>Health, the OpenAPI document and the admin dashboard page.</summary>
public sealed class OperationsFunctions(HealthHandler health)
{
    [Function(nameof(GetHealth))]
    public Task<IResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        health.CheckAsync(durable, cancellationToken);

    [Function(nameof(GetOpenApi))]
    public static IResult GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        OpenApiHandler.Get();

    [Function(nameof(GetDashboard))]
    public static IResult GetDashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Dashboard)] HttpRequest request) =>
        DashboardHandler.Get();
}
