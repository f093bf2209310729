using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Admin.Dashboard;

/// <summary>
/// <c>GET /admin</c>: the dashboard page. Anonymous, as a page: it holds no data, asks for the admin key, keeps it in
/// session storage and sends it in <c>x-functions-key</c> on every API call, never in a URL.
/// </summary>
public static class DashboardHandler
{
    static readonly Lazy<(string Html, string Policy)> Page = new(() =>
    {
        using var stream = typeof(DashboardHandler).Assembly.GetManifestResourceStream("dashboard.html")
            ?? throw new InvalidOperationException("The dashboard page is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var html = reader.ReadToEnd();

        // Only the page's own script may run: the policy names it by its hash, so nothing injected could.
        var start = html.IndexOf("<script>", StringComparison.Ordinal) + "<script>".Length;
        var script = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        return (html, $"default-src 'none'; script-src 'sha256-{hash}'; style-src 'unsafe-inline'; connect-src 'self'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    });

    public static IResult Get() => new DashboardPage(Page.Value.Html, Page.Value.Policy);

    sealed class DashboardPage(string html, string policy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = policy;
            return TypedResults.Content(html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
