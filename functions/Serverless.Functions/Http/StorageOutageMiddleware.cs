using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Serverless.Workflow.Http;

namespace Serverless.Functions.Http;

/// <summary>
/// The Functions app's side of <see cref="StorageOutage"/>: an HTTP function failing because storage is away answers
/// 503 with Retry-After, as the local host does. Other failures (and non-HTTP functions) are left to the host.
/// </summary>
public sealed class StorageOutageMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
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
