using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Workflow.Firms;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>What the firm's application form is told.</summary>
public sealed class FirmPageFunctions(FormOptionsHandler options)
{
    [Function(nameof(GetIntakeOptions))]
    public IResult GetIntakeOptions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.IntakeFormOptions)] HttpRequest request) =>
        options.Get();
}
