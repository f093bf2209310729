using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Http;

/// <summary>The admins' operations on one application (API.md, Admin). The admin key is checked by the host.</summary>
public sealed class AdminApplicationHandlers(ApplicationStore applications, TimeProvider time)
{
    /// <summary>Revokes the pending review link and mails a new one; with no reviewer yet, tries again to find one.</summary>
    public async Task<IResult> ResendAsync(string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var application = ApplicationIds.IsValid(applicationId) ? await applications.FindAsync(applicationId, cancellationToken) : null;
        if (application is null)
        {
            return Problems.NotFound();
        }

        if (application.CurrentStatus != ApplicationStatus.AwaitingReview)
        {
            return Problems.Conflict($"The application is {application.Status}; no link is pending that could be sent again.");
        }

        var now = time.GetUtcNow();
        await applications.AppendEventAsync(applicationId, "ResendRequested", "admin", null, now, cancellationToken);
        await durable.RaiseEventAsync(applicationId, WorkflowEvents.ResendRequested(application.Round), new ResendRequested("admin", now), cancellationToken);
        return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
    }
}
