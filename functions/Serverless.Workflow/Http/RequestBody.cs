using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Serverless.Workflow.Applications;

namespace Serverless.Workflow.Http;

/// <summary>Reads request bodies within a size limit, whether or not the client announced the length.</summary>
public static class RequestBody
{
    /// <summary>The body's bytes, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A JSON body read within a size limit and deserialised with the API's options, or the problem that stops it:
    /// 415 not JSON, 413 too large, 400 not JSON of the expected shape (at the path where it broke).
    /// </summary>
    public static async Task<(T? Value, byte[] Body, IResult? Problem)> ReadJsonAsync<T>(
        HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (default, [], Problems.UnsupportedMediaType($"Send the {what} as application/json."));
        }

        var body = await ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return (default, [], Problems.TooLarge($"The {what} must be at most {maxBytes / 1024} KiB."));
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(body, Json.Options), body, null);
        }
        catch (JsonException e)
        {
            return (default, body, Problems.Invalid(ValidationErrors.PathOf(e.Path), "Not valid JSON here, or a value of the wrong type."));
        }
    }

    /// <summary>A JSON object body (<see cref="ReadJsonAsync{T}"/>), or the problem that stops it: also 400 for a JSON <c>null</c>.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadObjectAsync<T>(HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
        where T : class
    {
        var (parsed, _, problem) = await ReadJsonAsync<T>(request, maxBytes, what, cancellationToken);
        return problem is not null ? (null, problem)
            : parsed is null ? (null, Problems.Invalid("$", "The body must be a JSON object."))
            : (parsed, null);
    }

    /// <summary>Lets the server itself refuse a body beyond the limit (where the host allows it to be changed).</summary>
    public static void LimitTo(HttpRequest request, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }
}
