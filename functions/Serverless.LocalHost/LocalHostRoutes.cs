using Serverless.LocalHost.DevMailbox;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost;

/// <summary>The local host's route table: the shared API (the same as the Functions app's), then local-only pages.</summary>
public static class LocalHostRoutes
{
    /// <summary>Routes under this prefix exist on the local host only (API.md, Local host only).</summary>
    public const string LocalOnlyPrefix = "dev/";

    public static IEndpointRouteBuilder MapLocalHostRoutes(this IEndpointRouteBuilder app)
    {
        app.MapWorkflowApi();
        app.MapDevMailbox();
        return app;
    }
}
