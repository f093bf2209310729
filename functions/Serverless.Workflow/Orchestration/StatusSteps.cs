using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;
using Serverless.Workflow.Screening;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// The orchestrator's vocabulary for one application: record a status (projection by activity, then the custom
/// status), send a mail, screen. Deterministic: times come from the orchestration context.
/// </summary>
internal sealed class StatusSteps(TaskOrchestrationContext context, string applicationId)
{
    public string ApplicationId => applicationId;

    /// <summary>
    /// How activities are retried: the configured policy once the options are loaded (they are loaded with this
    /// short one; reading options does no I/O).
    /// </summary>
    public TaskOptions Retry { get; set; } = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2));

    /// <summary>The review round: 0 for the first review, one more for each time the firm made the changes asked for.</summary>
    public int Round { get; set; }

    /// <summary>The status last recorded (by this replay: deterministic).</summary>
    public ApplicationStatus Current { get; private set; } = ApplicationStatus.Submitted;

    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<ApplicationStatus> RecordAsync(
        ApplicationStatus status, string? note = null, string? pendingKind = null, DateTime? dueAt = null)
    {
        var now = Now;
        Current = status; // before the await, so side-by-side branches of this replay see it at once
        await context.CallActivityAsync(
            nameof(RecordStatusActivity),
            new StatusChange(applicationId, status, Round, now, note, dueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null),
            Retry);

        SetPending(status, pendingKind, dueAt);
        return status;
    }

    /// <summary>Changes only what the status is waiting for (the custom status), as when a missing reviewer is found.</summary>
    public void SetPending(ApplicationStatus status, string? pendingKind, DateTime? dueAt)
    {
        var pending = pendingKind is null ? null : new PendingStep(pendingKind, Now, dueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null);
        context.SetCustomStatus(new WorkflowStatus(status, status.Stage(), Round, pending));
    }

    /// <summary>Sends one mail about the application (to the firm, or to the staff) through the Outbox; <paramref name="key"/> makes it once per application.</summary>
    public Task MailAsync(EmailKind kind, string key, IReadOnlyList<string>? details = null) =>
        context.CallActivityAsync<bool>(
            nameof(SendEmailActivity), new EmailRequest(applicationId, kind, key, details), Retry);

    public Task<ScreeningResult> ScreenAsync() =>
        context.CallActivityAsync<ScreeningResult>(nameof(ScreenApplicationActivity), applicationId, Retry);
}
