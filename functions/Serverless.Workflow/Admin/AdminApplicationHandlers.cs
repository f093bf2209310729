using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Completion;
using Serverless.Workflow.Engagement;
using Serverless.Workflow.Experts;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Admin;

/// <summary>The admins' operations on one application (docs/api.md, Admin). The admin key is checked by the host.</summary>
public sealed class AdminApplicationHandlers(
    ApplicationStore applications, AssignmentStore assignments, ExpertStore experts, ExpertLoads loads, ApplicationRelease release,
    EngagementLinks reportLinks, FirmLinkMail firmLinks, TimeProvider time)
{
    const int MaxBodyBytes = 4 * 1024;

    /// <summary>
    /// Stops the application's workflow for good: <c>Terminated</c>, with what it held given back (reviews, experts'
    /// loads, live links) and the admin's reason in the audit trail. A Failed application waiting for an admin can be
    /// terminated too.
    /// </summary>
    public async Task<IResult> TerminateAsync(HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var (application, reason, problem) = await ApplicationWithReasonAsync(request, applicationId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (application.CurrentStatus.IsTerminal() && application.CurrentStatus != ApplicationStatus.Failed)
        {
            return Problems.Conflict($"The application is {application.Status} already.");
        }

        // The projection first: activities still in flight see a terminal application and issue nothing more; then
        // the engine stops the instance; then what it held is given back.
        var now = time.GetUtcNow();
        await applications.RecordTerminalAsync(new StatusChange(applicationId, ApplicationStatus.Terminated, application.Round, now, reason), CancellationToken.None);
        await applications.RecordEventAsync(applicationId, "Terminated", "admin", reason, now, "terminated", CancellationToken.None);
        await durable.TerminateInstanceAsync(applicationId, reason, CancellationToken.None);
        await release.ReleaseAsync(applicationId, CancellationToken.None);

        // An activity that was running when the instance stopped may still have taken something: once the engine
        // reports the instance ended, the release runs again (activities also give back what they took too late).
        if (await EndedAsync(durable, applicationId))
        {
            await release.ReleaseAsync(applicationId, CancellationToken.None);
        }

        return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
    }

    /// <summary>
    /// Takes up a Failed application again from its failed step, once the staff have fixed the cause: the workflow,
    /// waiting since the failure, records the status it failed in and tries the step again. 409 unless the
    /// application is Failed and its workflow still waits (one that failed on version 1 has ended).
    /// </summary>
    public async Task<IResult> RetryAsync(HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var (application, reason, problem) = await ApplicationWithReasonAsync(request, applicationId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var instance = await durable.GetInstanceAsync(applicationId, getInputsAndOutputs: false, cancellationToken);
        if (application.CurrentStatus != ApplicationStatus.Failed || instance?.RuntimeStatus != OrchestrationRuntimeStatus.Running)
        {
            return Problems.Conflict($"The application is {application.Status} and its workflow {instance?.RuntimeStatus.ToString() ?? "gone"}; only a Failed application whose workflow waits can be retried.");
        }

        var now = time.GetUtcNow();
        if (!await applications.ClaimRetryAsync(application, reason, now, CancellationToken.None))
        {
            return Problems.Conflict("A retry of this failure was asked for already; the workflow is trying the step again.");
        }

        try
        {
            await durable.RaiseEventAsync(applicationId, WorkflowEvents.RetryRequested, new RetryRequested(reason, now), CancellationToken.None);
        }
        catch
        {
            await applications.ReleaseRetryAsync(application, CancellationToken.None);
            throw;
        }

        return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
    }

    /// <summary>Whether the engine reports the instance ended within a few seconds (it stops at its next episode).</summary>
    static async Task<bool> EndedAsync(DurableTaskClient durable, string applicationId)
    {
        using var patience = new CancellationTokenSource(TerminationPatience);
        try
        {
            await durable.WaitForInstanceCompletionAsync(applicationId, getInputsAndOutputs: false, patience.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    static readonly TimeSpan TerminationPatience = TimeSpan.FromSeconds(10);

    /// <summary>Pauses the application's workflow (timers and events wait) until an admin resumes it.</summary>
    public Task<IResult> SuspendAsync(HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken) =>
        PauseOrResumeAsync(request, applicationId, durable, OrchestrationRuntimeStatus.Running, "Suspended",
            (reason, ct) => durable.SuspendInstanceAsync(applicationId, reason, ct), cancellationToken);

    public Task<IResult> ResumeAsync(HttpRequest request, string applicationId, DurableTaskClient durable, CancellationToken cancellationToken) =>
        PauseOrResumeAsync(request, applicationId, durable, OrchestrationRuntimeStatus.Suspended, "Resumed",
            (reason, ct) => durable.ResumeInstanceAsync(applicationId, reason, ct), cancellationToken);

    /// <summary>Deletes the engine's history of an ended application; the business record and its audit trail stay.</summary>
    public async Task<IResult> PurgeAsync(string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var application = ApplicationIds.IsValid(applicationId) ? await applications.FindAsync(applicationId, cancellationToken) : null;
        if (application is null)
        {
            return Problems.NotFound();
        }

        // The projection says ended before the engine has stopped the instance (terminate writes it first): purging a
        // still-running instance would strand its queued messages, so the engine's own status decides.
        var instance = await durable.GetInstanceAsync(applicationId, getInputsAndOutputs: false, cancellationToken);
        if (!application.CurrentStatus.IsTerminal() || instance is { IsCompleted: false })
        {
            return Problems.Conflict($"The application is {application.Status} and its workflow {instance?.RuntimeStatus.ToString() ?? "gone"}; only an ended workflow's history is purged.");
        }

        if (instance is not null && (await durable.PurgeInstanceAsync(applicationId, cancellationToken)).PurgedInstanceCount > 0)
        {
            await applications.AppendEventAsync(applicationId, "HistoryPurged", "admin", null, time.GetUtcNow(), CancellationToken.None);
        }

        return TypedResults.NoContent();
    }

    /// <summary>Suspends or resumes; 409 unless the workflow is in <paramref name="from"/> (running to suspend, suspended to resume).</summary>
    async Task<IResult> PauseOrResumeAsync(
        HttpRequest request, string applicationId, DurableTaskClient durable, OrchestrationRuntimeStatus from, string what,
        Func<string, CancellationToken, Task> act, CancellationToken cancellationToken)
    {
        var (application, reason, problem) = await ApplicationWithReasonAsync(request, applicationId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var runtime = (await durable.GetInstanceAsync(applicationId, getInputsAndOutputs: false, cancellationToken))?.RuntimeStatus;
        if (application.CurrentStatus.IsTerminal() || runtime != from)
        {
            return Problems.Conflict($"The application is {application.Status} and its workflow {runtime?.ToString() ?? "gone"}; it cannot be {what.ToLowerInvariant()}.");
        }

        await act(reason, cancellationToken);
        await applications.AppendEventAsync(applicationId, what, "admin", reason, time.GetUtcNow(), CancellationToken.None);
        return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
    }

    /// <summary>The application an operation is on and the admin's reason for it, or the problem (404 first, then the reason's).</summary>
    async Task<(ApplicationEntity Application, string Reason, IResult? Problem)> ApplicationWithReasonAsync(
        HttpRequest request, string applicationId, CancellationToken cancellationToken)
    {
        var application = ApplicationIds.IsValid(applicationId) ? await applications.FindAsync(applicationId, cancellationToken) : null;
        if (application is null)
        {
            return (null!, "", Problems.NotFound());
        }

        var (reason, problem) = await ReasonAsync(request, cancellationToken);
        return (application, reason ?? "", problem);
    }

    /// <summary>The admin's reason for an operation (docs/api.md: <c>{ reason }</c>), or the problem with it.</summary>
    static async Task<(string? Reason, IResult? Problem)> ReasonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await RequestBody.ReadJsonAsync<AdminAction>(request, MaxBodyBytes, "request", cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var reason = body?.Reason?.Trim();
        return string.IsNullOrEmpty(reason) || reason.Length > 500 || reason.Any(char.IsControl)
            ? (null, Problems.Invalid("reason", "Required: 1 to 500 characters, no control characters."))
            : (reason, null);
    }

    /// <summary>
    /// Revokes the pending links and mails new ones: while the firm is to act (confirm, upload, resubmit), the firm's
    /// personal link; in review, the reviewer's (with no reviewer yet, tries again to find one); in progress, the report
    /// link of every task not reported yet (an expert who lost theirs, or whose link expired past the deadline).
    /// </summary>
    public async Task<IResult> ResendAsync(string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var application = ApplicationIds.IsValid(applicationId) ? await applications.FindAsync(applicationId, cancellationToken) : null;
        if (application is null)
        {
            return Problems.NotFound();
        }

        var firmActs = application.CurrentStatus is ApplicationStatus.Submitted or ApplicationStatus.AwaitingDocuments or ApplicationStatus.ChangesRequested;
        if (!firmActs && application.CurrentStatus is not (ApplicationStatus.AwaitingReview or ApplicationStatus.InProgress))
        {
            return Problems.Conflict($"The application is {application.Status}; no link is pending that could be sent again.");
        }

        var now = time.GetUtcNow();
        await applications.AppendEventAsync(applicationId, "ResendRequested", "admin", null, now, cancellationToken);
        if (firmActs)
        {
            await firmLinks.ResendAsync(application, now, CancellationToken.None);
            return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
        }

        if (application.CurrentStatus == ApplicationStatus.InProgress)
        {
            foreach (var assignment in await assignments.ListAsync(applicationId, cancellationToken))
            {
                if (assignment.CurrentStatus == AssignmentStatus.Active)
                {
                    await reportLinks.SendAsync(
                        application, assignment.TaskId, ExpertMailKind.EngagementReminder, application.DueAt ?? now,
                        $"EngagementResent-{assignment.TaskId}-{now.UtcTicks}", CancellationToken.None);
                }
            }

            return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
        }

        await durable.RaiseEventAsync(applicationId, WorkflowEvents.ResendRequested(application.Round), new ResendRequested("admin", now), cancellationToken);
        return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
    }

    /// <summary>
    /// Gives an Unmatched task to the expert an admin chose: the expert must be active, free of conflict with the firm
    /// and below their maximum; their load is taken at once, then the waiting workflow goes on.
    /// </summary>
    public async Task<IResult> AssignAsync(HttpRequest request, string applicationId, string taskId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var application = ApplicationIds.IsValid(applicationId) ? await applications.FindAsync(applicationId, cancellationToken) : null;
        var assignment = application is null || !ApplicationPlan.IsTaskId(taskId) ? null : await assignments.FindAsync(applicationId, taskId, cancellationToken);
        if (assignment is null)
        {
            return Problems.NotFound();
        }

        var (body, _, problem) = await RequestBody.ReadJsonAsync<ManualAssignment>(request, MaxBodyBytes, "assignment", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var expert = ApplicationIds.IsValid(body?.ExpertId) ? await experts.FindAsync(body!.ExpertId!, cancellationToken) : null;
        if (expert is null)
        {
            return Problems.Invalid("expertId", "No such expert.");
        }

        var unmatched = application!.CurrentStatus is ApplicationStatus.Matching or ApplicationStatus.Unmatched
            && assignment.CurrentStatus == AssignmentStatus.Unmatched
            && await loads.HolderAsync(applicationId, taskId, cancellationToken) is null;
        var refusal = !unmatched ? $"Task {taskId} is {assignment.Status} or being assigned; only an Unmatched task is assigned by hand."
            : !expert.Active ? "The expert is not active."
            : ExpertRanking.HasConflict(expert, new MatchingFirm(application.BusinessRegistrationNumber, application.FirmName)) ? "The expert has a conflict of interest with this firm."
            : await loads.TakeAsync(expert.RowKey, applicationId, taskId, cancellationToken) switch
            {
                TakeResult.Taken => null,
                TakeResult.Full => "The expert is at their maximum of active assignments.",
                TakeResult.TaskTaken => "The task has been given to another expert meanwhile.",
                _ => "The expert is not active.",
            };
        if (refusal is not null)
        {
            return Problems.Conflict(refusal);
        }

        var now = time.GetUtcNow();
        await applications.AppendEventAsync(applicationId, "ExpertAssigned", "admin", $"{taskId}: {expert.RowKey}", now, cancellationToken);
        await durable.RaiseEventAsync(applicationId, WorkflowEvents.ExpertAssigned(taskId), new ExpertAssigned(expert.RowKey, now), cancellationToken);
        return TypedResults.Accepted($"/api/admin/applications/{applicationId}");
    }
}

/// <summary>The body of an admin's operation on an application.</summary>
public sealed record AdminAction(string? Reason);

/// <summary>The body of a manual assignment.</summary>
public sealed record ManualAssignment(string? ExpertId);
