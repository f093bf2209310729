using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Links;

/// <summary>
/// Responses of the link routes. People open links in a browser, so they get pages; a client that does not ask for
/// HTML gets an error as problem details. Every response keeps the token out of caches and referrers.
/// </summary>
public static class LinkResults
{
    public static IResult Page(LinkPage page, string title, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new Guarded(TypedResults.Content(page.ToHtml(title), "text/html; charset=utf-8", statusCode: status));
    }

    /// <summary>A refusal: the page for a browser, <paramref name="problem"/> for anyone else.</summary>
    public static IResult Refusal(HttpRequest request, LinkPage page, string title, int status, IResult problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? Page(page, title, status)
            : new Guarded(problem);
    }

    /// <summary>A link route's response (a page, a problem, a document) with the headers that keep the token to itself.</summary>
    public sealed class Guarded(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
