using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Http;

public static class BearerTokens
{
    /// <summary>The token of an <c>Authorization: Bearer {token}</c> header, or null without one.</summary>
    public static string? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
