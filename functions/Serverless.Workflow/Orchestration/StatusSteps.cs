using Microsoft.DurableTask;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Email;

namespace Serverless.Workflow.Orchestration;

/// <summary>
/// The orchestrator's vocabulary for one application: record a status (projection by activity, then the custom
/// status), send a mail, run an activity. Deterministic: times come from the orchestration context.
/// </summary>
internal sealed class StatusSteps(TaskOrchestrationContext context, string applicationId)
{
    public string ApplicationId => applicationId;

    /// <summary>
    /// Version 1's retries: 5 tries within about 15 s, then the application ends Failed for good. Instances started on
    /// version 1 keep them (they replay the path they started on); version 2 uses it only to load its options (no
    /// I/O) and for the steps it takes while a failed step waits.
    /// </summary>
    internal static readonly TaskOptions FirstVersionRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2));

    /// <summary>How every activity call is retried (see <see cref="RetryUntilAnAdminDecides"/>).</summary>
    public TaskOptions Retry { get; set; } = FirstVersionRetry;

    /// <summary>What the status last recorded is waiting for, so that a retried application waits for it again.</summary>
    PendingStep? pending;

    /// <summary>How many times a step has failed after its retries (each is told to the staff once).</summary>
    int failures;

    /// <summary>
    /// Version 2's retries. A failing activity is tried again after a doubling wait (capped) for
    /// <see cref="WorkflowOptions.ActivityRetryFor"/>, so no outage of storage or SendGrid fails anything. After that
    /// it is a defect: the application is Failed, the staff are told, and the step waits for an admin, who either
    /// terminates the application or fixes the cause and retries, which tries the same step again.
    /// </summary>
    public TaskOptions RetryUntilAnAdminDecides(WorkflowOptions workflow) => TaskOptions.FromRetryHandler(async retry =>
    {
        if (retry.TotalRetryTime < workflow.ActivityRetryFor)
        {
            await context.CreateTimer(workflow.RetryWait(retry.LastAttemptNumber), CancellationToken.None);
        }
        else
        {
            await AwaitAdminRetryAsync(retry.LastFailure);
        }

        return true;
    });

    async Task AwaitAdminRetryAsync(TaskFailureDetails failure)
    {
        var (status, waiting) = (Current, pending);
        var failed = ++failures;
        await this.RecordStatusAsync(new StatusChange(applicationId, ApplicationStatus.Failed, Round, Now, "a step failed after its retries"), FirstVersionRetry);
        SetPending(ApplicationStatus.Failed, PendingKinds.Retry, null);
        await this.SendEmailAsync(
            new EmailRequest(applicationId, EmailKind.StepFailed, $"step-failed-{failed}", [status.ToString(), $"{failure.ErrorType}: {failure.ErrorMessage}"]),
            FirstVersionRetry);

        await context.WaitForExternalEvent<RetryRequested>(WorkflowEvents.RetryRequested);
        await this.RecordStatusAsync(new StatusChange(applicationId, status, Round, Now, "retried by an admin", waiting?.DueAt, Reopens: true), FirstVersionRetry);
        context.SetCustomStatus(new WorkflowStatus(status, status.Stage(), Round, waiting));
        pending = waiting;
    }

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
        await this.RecordStatusAsync(new StatusChange(applicationId, status, Round, now, note, dueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null));

        SetPending(status, pendingKind, dueAt);
        return status;
    }

    /// <summary>Changes only what the status is waiting for (the custom status), as when a missing reviewer is found.</summary>
    public void SetPending(ApplicationStatus status, string? pendingKind, DateTime? dueAt)
    {
        pending = pendingKind is null ? null : new PendingStep(pendingKind, Now, dueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null);
        context.SetCustomStatus(new WorkflowStatus(status, status.Stage(), Round, pending));
    }

    /// <summary>Sends one mail about the application (to the firm, or to the staff) through the Outbox; <paramref name="key"/> makes it once per application.</summary>
    public Task MailAsync(EmailKind kind, string key, IReadOnlyList<string>? details = null) =>
        this.SendEmailAsync(new EmailRequest(applicationId, kind, key, details));

    /// <summary>
    /// Runs an activity with the instance's retries (or <paramref name="retry"/>); call it through the typed helper
    /// beside each activity, which names the activity and its types once.
    /// </summary>
    public Task<TResult> CallAsync<TResult>(string activity, object input, TaskOptions? retry = null) =>
        context.CallActivityAsync<TResult>(activity, input, retry ?? Retry);
}
