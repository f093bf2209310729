using System.Text.RegularExpressions;

namespace Serverless.Workflow.Links;

/// <summary>
/// A request path or URL with its secrets taken out, for telemetry: an emailed link's token is a path segment
/// (<c>/api/links/{token}</c>) and a Functions key may ride in <c>?code=</c>; whoever reads the telemetry must not be
/// able to open someone's review, offer or report.
/// </summary>
public static partial class SecretPaths
{
    public static string Redact(string value) =>
        FunctionsKey().Replace(LinkToken().Replace(value, "/api/links/{token}"), "${name}=(redacted)");

    [GeneratedRegex("/api/links/[^/?#]+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkToken();

    [GeneratedRegex("(?<name>[?&]code)=[^&#]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FunctionsKey();
}
