using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>
/// The Functions app's side of <see cref="SecurityHeaders"/> and <see cref="StorageOutage"/>, as the local host has
/// them: every HTTP response carries the security headers, and an HTTP function failing because storage is away
/// answers 503 with Retry-After. Other failures (and non-HTTP functions) are left to the host.
/// </summary>
public sealed class HttpGuardMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } request)
        {
            SecurityHeaders.Register(request);
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageOutage.Is(e) && context.GetHttpContext() is { } http)
        {
            await StorageOutage.WriteAsync(http);
        }
    }
}
