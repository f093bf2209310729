using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Admin.Dashboard;

/// <summary>
/// <c>GET /admin</c>: the dashboard page. Anonymous, as a page: it holds no data, asks for the admin key, keeps it in
/// session storage and sends it in <c>x-functions-key</c> on every API call, never in a URL.
/// </summary>
public static class DashboardHandler
{
    static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(DashboardHandler).Assembly.GetManifestResourceStream("dashboard.html")
            ?? throw new InvalidOperationException("The dashboard page is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IResult Get() => new DashboardPage(Page.Value);

    sealed class DashboardPage(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' blob:; frame-ancestors 'none'";
            return TypedResults.Content(html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
