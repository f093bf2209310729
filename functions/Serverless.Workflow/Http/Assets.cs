using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Http;

/// <summary>
/// The pages' files, embedded in this assembly (see the csproj): pages under a content policy of their own, and their
/// scripts and stylesheets at <c>GET /assets/{name}</c>, so that no page needs an inline script or style. Only what is
/// embedded under <c>assets/</c> is served there; anything else is 404.
/// </summary>
public static class Assets
{
    const string Prefix = "assets/";

    /// <summary>A page's policy: scripts, styles and requests from this origin only and none inline, so nothing injected into it could run.</summary>
    public const string PagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary();

    static readonly Lazy<FrozenDictionary<string, EmbeddedFile>> Files = new(Load);

    /// <summary><c>GET /assets/{name}</c>: a page's script or stylesheet.</summary>
    public static IResult Get(string name) =>
        Files.Value.TryGetValue(Prefix + name, out var file) ? new FileResult(file, policy: null) : Problems.NotFound();

    /// <summary>An embedded page, under the content policy it declares for itself.</summary>
    public static IResult Page(string resourceName, string policy) => new FileResult(Files.Value[resourceName], policy);

    static FrozenDictionary<string, EmbeddedFile> Load()
    {
        var assembly = typeof(Assets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => ContentTypes.ContainsKey(Path.GetExtension(name)))
            .ToFrozenDictionary(name => name, name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                return new EmbeddedFile(bytes.ToArray(), ContentTypes[Path.GetExtension(name)]);
            }, StringComparer.Ordinal);
    }

    sealed record EmbeddedFile(byte[] Content, string ContentType);

    /// <summary>
    /// Always revalidated (<c>no-cache</c>) while the names carry no hash of the content: a page and its scripts must
    /// never come from two versions.
    /// </summary>
    sealed class FileResult(EmbeddedFile file, string? policy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.CacheControl = "no-cache";
            if (policy is not null)
            {
                headers.ContentSecurityPolicy = policy;
            }

            return TypedResults.Bytes(file.Content, file.ContentType).ExecuteAsync(httpContext);
        }
    }
}
