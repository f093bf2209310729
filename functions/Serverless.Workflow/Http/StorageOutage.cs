using Azure;
using Microsoft.AspNetCore.Http;

namespace Serverless.Workflow.Http;

/// <summary>
/// Storage (or the engine behind it) not answering for a moment is not a fault of the request: it answers 503 with
/// Retry-After as problem details, never 500, in both hosts (the local host's exception handler, the Functions app's
/// middleware). What the request wrote before it stopped is finished by its retry (intake is idempotent by key).
/// </summary>
public static class StorageOutage
{
    /// <summary>What a client is asked to wait: storage's own retries have already spent some seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Whether the failure is storage or the engine being away (after the SDK's own retries), rather than a defect.</summary>
    public static bool Is(Exception? failure) => failure switch
    {
        null => false,
        RequestFailedException { Status: 0 or 500 or 502 or 503 or 504 } => true,
        HttpRequestException => true,
        AggregateException all => all.InnerExceptions.Any(Is),
        _ => Is(failure.InnerException),
    };

    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Clear();
        context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Status(
            StatusCodes.Status503ServiceUnavailable,
            "Service unavailable",
            "Storage is not answering for a moment. Please try again shortly; nothing was lost.")
            .ExecuteAsync(context);
    }
}

/// <summary>The local host's side: ASP.NET Core's exception handler asks this first.</summary>
public sealed class StorageOutageHandler : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StorageOutage.Is(exception))
        {
            return false;
        }

        await StorageOutage.WriteAsync(httpContext);
        return true;
    }
}
