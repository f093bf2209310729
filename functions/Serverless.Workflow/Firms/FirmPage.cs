using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Firms;

/// <summary>
/// <c>GET /firm/{applicationId}</c>: the page every mail to the firm links to, with the firm's personal link token in
/// the URL's fragment, which the browser never sends: the page's script reads it and sends it as the bearer token of
/// the firm's routes. Empty of data itself, so the path may be anything.
/// </summary>
public static class FirmPage
{
    public static IResult Get() => Assets.Page("firm.html", Assets.PagePolicy);
}
