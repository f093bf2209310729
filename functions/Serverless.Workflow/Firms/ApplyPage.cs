using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Firms;

/// <summary>
/// <c>GET /apply</c>: the page a firm applies with. Anonymous and empty of data: it builds its form from
/// <c>GET /api/intake/options</c>, keeps the draft in the browser and sends <c>POST /api/applications</c>.
/// </summary>
public static class ApplyPage
{
    /// <summary>Scripts, styles and requests from this origin only and none inline: nothing injected into the page could run.</summary>
    public const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Get() => Assets.Page("apply.html", Policy);
}
