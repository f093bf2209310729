using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Http;

/// <summary>
/// A JSON response written with <see cref="Json.Options"/> whatever the host's own JSON settings are,
/// so the local host and the Functions app answer byte for byte alike.
/// </summary>
public sealed class JsonResult<T>(T value, int statusCode, string? location) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public int? StatusCode => statusCode;

    public T Value => value;

    object? IValueHttpResult.Value => value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        return httpContext.Response.WriteAsJsonAsync(value, Json.Options, httpContext.RequestAborted);
    }
}

public static class ApiResults
{
    public static JsonResult<T> Json<T>(T value, int statusCode = StatusCodes.Status200OK, string? location = null) =>
        new(value, statusCode, location);
}
