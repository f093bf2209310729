using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Http;

/// <summary>
/// The headers every response carries, in both hosts, set as the response starts (after any handler or error
/// handler has written its own): no content sniffing, no framing, no referrer, HSTS over HTTPS, and a content policy
/// that runs no script for any response that did not bring its own (the dashboard names its one script by hash; the
/// firm's pages allow only their own origin's, <see cref="Assets"/>).
/// </summary>
public static class SecurityHeaders
{
    public const string DefaultPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Register(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = DefaultPolicy;
            }

            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
    }
}
