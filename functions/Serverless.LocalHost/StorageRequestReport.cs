using Microsoft.Extensions.Options;
using Serverless.Workflow.Storage;

namespace Serverless.LocalHost;

/// <summary>
/// In measuring mode (<c>LocalHost:ReportStorageRequests</c>), each answer lists the storage requests it took, business
/// storage and the engine's alike, in <c>X-Storage-Requests</c>. The benchmark divides the storage ceiling by a
/// submission's count; docs/architecture.md lists a submission's requests and a test keeps that list true.
/// </summary>
internal static class StorageRequestReport
{
    public const string Header = "X-Storage-Requests";

    public static void UseStorageRequestReport(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.ReportStorageRequests)
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            using var scope = StorageRequestScope.Begin();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = string.Join(", ", scope.Requests);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
