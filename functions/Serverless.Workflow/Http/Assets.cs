using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Http;

/// <summary>
/// The pages' files, embedded in this assembly (see the csproj): pages under a content policy of their own, and their
/// scripts and the one stylesheet at <c>GET /assets/{name}</c>, so that no page needs an inline script or style. Only
/// what is embedded under <c>assets/</c> is served there; anything else is 404.
/// </summary>
public static class Assets
{
    const string Prefix = "assets/";
    const string StylesheetFile = "site.css";

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

    /// <summary>
    /// The path of the stylesheet every page links to: <c>/assets/site.{hash}.css</c>, named by its content, so that a
    /// browser keeps it for a year and a deployment that changes it changes its name.
    /// </summary>
    public static string StylesheetPath { get; } = "/" + Prefix + HashedName(Embedded(Prefix + StylesheetFile));

    /// <summary><c>GET /assets/{name}</c>: a page's script, or the stylesheet by its hashed name.</summary>
    public static IResult Get(string name) =>
        Files.Value.TryGetValue(Prefix + name, out var file) ? new FileResult(file, policy: null) : Problems.NotFound();

    /// <summary>An embedded page, under the content policy it declares for itself.</summary>
    public static IResult Page(string resourceName, string policy) => new FileResult(Files.Value[resourceName], policy);

    static FrozenDictionary<string, EmbeddedFile> Load()
    {
        var files = new Dictionary<string, EmbeddedFile>(StringComparer.Ordinal);
        foreach (var name in typeof(Assets).Assembly.GetManifestResourceNames().Where(name => ContentTypes.ContainsKey(Path.GetExtension(name))))
        {
            var content = Embedded(name);
            if (name == Prefix + StylesheetFile)
            {
                files[Prefix + HashedName(content)] = new EmbeddedFile(content, ContentTypes[".css"], Immutable: true);
                continue;
            }

            // The pages name the stylesheet plainly; they are served naming it by its hash.
            if (Path.GetExtension(name) == ".html")
            {
                content = System.Text.Encoding.UTF8.GetBytes(
                    System.Text.Encoding.UTF8.GetString(content).Replace("/" + Prefix + StylesheetFile, StylesheetPath, StringComparison.Ordinal));
            }

            files[name] = new EmbeddedFile(content, ContentTypes[Path.GetExtension(name)], Immutable: false);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    static byte[] Embedded(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    static string HashedName(byte[] stylesheet) =>
        $"site.{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stylesheet))[..12]}.css";

    sealed record EmbeddedFile(byte[] Content, string ContentType, bool Immutable);

    /// <summary>
    /// The hashed stylesheet is kept a year; everything else is always revalidated (<c>no-cache</c>), as its name carries
    /// no hash of its content: a page and its scripts must never come from two versions.
    /// </summary>
    sealed class FileResult(EmbeddedFile file, string? policy) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var headers = httpContext.Response.Headers;
            headers.CacheControl = file.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
            if (policy is not null)
            {
                headers.ContentSecurityPolicy = policy;
            }

            return TypedResults.Bytes(file.Content, file.ContentType).ExecuteAsync(httpContext);
        }
    }
}
