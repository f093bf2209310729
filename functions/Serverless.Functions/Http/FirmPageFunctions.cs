using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Workflow.Firms;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>The firm's pages (apply, its own), what the form is told, and the pages' scripts and stylesheets.</summary>
public sealed class FirmPageFunctions(FormOptionsHandler options)
{
    [Function(nameof(GetApplyPage))]
    public static IResult GetApplyPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Apply)] HttpRequest request) =>
        ApplyPage.Get();

    [Function(nameof(GetFirmPage))]
    public static IResult GetFirmPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.FirmPage)] HttpRequest request,
        string applicationId) =>
        FirmPage.Get();

    [Function(nameof(GetIntakeOptions))]
    public Task<IResult> GetIntakeOptions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.IntakeFormOptions)] HttpRequest request) =>
        options.GetAsync(request.HttpContext.RequestAborted);

    [Function(nameof(GetAsset))]
    public static IResult GetAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Asset)] HttpRequest request,
        string name) =>
        Assets.Get(name);
}
