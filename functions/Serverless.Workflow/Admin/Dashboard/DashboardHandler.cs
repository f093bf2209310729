using Microsoft.AspNetCore.Http;
using Serverless.Workflow.Http;

namespace Serverless.Workflow.Admin.Dashboard;

/// <summary>
/// <c>GET /dashboard</c>: the dashboard page. Anonymous, as a page: it holds no data, asks for the admin key, keeps it in
/// session storage and sends it in <c>x-functions-key</c> on every API call, never in a URL. Its script and styles come
/// from <c>/assets/</c> under the pages' policy (<see cref="Assets.PagePolicy"/>), so nothing injected could run.
/// </summary>
public static class DashboardHandler
{
    public static IResult Get() => new DashboardPage(Assets.Page("dashboard.html", Assets.PagePolicy));

    /// <summary>
    /// The page as <see cref="Assets"/> serves it, but never stored and never naming itself to another site: what an
    /// admin looked at stays out of caches and referrers. The headers are set as the response starts, over the page's own.
    /// </summary>
    sealed class DashboardPage(IResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.OnStarting(() =>
            {
                var headers = httpContext.Response.Headers;
                headers.CacheControl = "no-store";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return page.ExecuteAsync(httpContext);
        }
    }
}
