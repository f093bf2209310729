using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Firms;

/// <summary>
/// <c>GET /apply</c>: the page a firm applies with. Anonymous and empty of data: it builds its form from
/// <c>GET /api/intake/options</c>, keeps the draft in the browser and sends <c>POST /api/applications</c>.
/// </summary>
public static class ApplyPage
{
    public static IResult Get() => Assets.Page("apply.html", Assets.PagePolicy);
}
