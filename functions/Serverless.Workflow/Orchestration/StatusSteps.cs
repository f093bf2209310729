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
    public int Round { get; set; }

    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<ApplicationStatus> RecordAsync(
        ApplicationStatus status, string? note = null, string? pendingKind = null, DateTime? dueAt = null)
    {
        var now = Now;
        await context.CallActivityAsync(
            nameof(RecordStatusActivity),
            new StatusChange(applicationId, status, Round, now, note),
            SupportApplicationOrchestrator.ActivityRetry);

        var pending = pendingKind is null ? null : new PendingStep(pendingKind, now, dueAt is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null);
        context.SetCustomStatus(new WorkflowStatus(status, status.Stage(), Round, pending));
        return status;
    }

    /// <summary>Sends one mail to the firm through the Outbox; <paramref name="key"/> makes it once per application.</summary>
    public Task MailAsync(EmailKind kind, string key, IReadOnlyList<string>? details = null) =>
        context.CallActivityAsync<bool>(
            nameof(SendEmailActivity), new EmailRequest(applicationId, kind, key, details), SupportApplicationOrchestrator.ActivityRetry);

    public Task<ScreeningResult> ScreenAsync() =>
        context.CallActivityAsync<ScreeningResult>(nameof(ScreenApplicationActivity), applicationId, SupportApplicationOrchestrator.ActivityRetry);
}
