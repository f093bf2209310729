using Serverless.LocalHost.DevMailbox;
using Serverless.Workflow.Http;

namespace Serverless.LocalHost;

/// <summary>The local host's route table: the shared API (the same as the Functions app's), then local-only pages.</summary>
public static class LocalHostRoutes
{
    /// <summary>Routes under this prefix exist on the local host only (docs/api.md, Local host only).</summary>
    public const string LocalOnlyPrefix = "dev/";

    /// <summary>
    /// docs/api.md's <c>GET /admin</c>. The Functions host keeps every route starting with <c>admin</c> for its own admin
    /// API, so both hosts serve the dashboard at <see cref="ApiRoutes.Dashboard"/>; locally <c>/admin</c> leads there.
    /// </summary>
    public const string AdminAlias = "admin";

    public static bool IsLocalOnly(string template) =>
        template.StartsWith(LocalOnlyPrefix, StringComparison.Ordinal) || template == AdminAlias;

    public static IEndpointRouteBuilder MapLocalHostRoutes(this IEndpointRouteBuilder app)
    {
        app.MapWorkflowApi();
        app.MapDevMailbox();
        app.MapGet(AdminAlias, () => TypedResults.Redirect("/" + ApiRoutes.Dashboard));
        return app;
    }
}
