using System.Text.Json;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Diagnosis;
using Serverless.Workflow.Documents;
using Serverless.Workflow.Http;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Applications;

/// <summary>The application as its firm sees it (docs/api.md: GET /api/applications/{id}); the admin detail starts from it too.</summary>
public sealed class FirmViews(ApplicationStore applications, DocumentStore documents, AssignmentStore assignments, IOptions<WorkflowOptions> workflow)
{
    /// <summary>
    /// The statuses whose note is written for the firm: the reasons and the reviewer's comments it is mailed anyway.
    /// The others' notes are internal (an admin's terminate reason, the step that failed, the task nobody took): the
    /// admin detail shows them in the audit trail.
    /// </summary>
    static readonly HashSet<ApplicationStatus> NotesForTheFirm =
        [ApplicationStatus.Ineligible, ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.ChangesRequested, ApplicationStatus.Expired];

    public async Task<FirmApplicationView> BuildAsync(ApplicationEntity application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return await BuildAsync(application, await applications.EventsAsync(application.ApplicationId, cancellationToken), cancellationToken);
    }

    /// <summary>The view from an audit trail already read (the admin detail shows the trail as well).</summary>
    public async Task<FirmApplicationView> BuildAsync(
        ApplicationEntity application, IReadOnlyList<ApplicationEventEntity> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(events);
        var applicationId = application.ApplicationId;
        var awaitingConfirmation = application.WorkflowVersion >= 3 && application.ConfirmedAt is null && application.CurrentStatus == ApplicationStatus.Submitted;
        var uploaded = await documents.ListAsync(applicationId, cancellationToken);
        var timeline = events
            .Where(e => e.ToStatus is not null && e.FromStatus != e.ToStatus)
            .Select(e => Enum.Parse<ApplicationStatus>(e.ToStatus!) is var status && NotesForTheFirm.Contains(status)
                ? new TimelineEntry(status, e.At, e.Note)
                : new TimelineEntry(status, e.At, null))
            .ToList();
        var report = application.DiagnosisJson is { } json ? JsonSerializer.Deserialize<DiagnosisReport>(json, Json.Options) : null;
        var accepted = (await assignments.ListAsync(applicationId, cancellationToken))
            .Where(a => a.CurrentStatus is AssignmentStatus.Active or AssignmentStatus.Completed)
            .OrderBy(a => a.TaskId, StringComparer.Ordinal)
            .Select(a => new AssignmentView(a.TaskId, a.SupportType, a.ExpertName, a.Status, a.ReportSummary))
            .ToList();
        return new FirmApplicationView(
            applicationId,
            application.ReceiptNumber,
            application.Programme,
            application.CallId.Length > 0 ? application.CallId : null,
            application.CurrentStatus,
            Enum.Parse<ApplicationStage>(application.Stage),
            application.SubmittedAt,
            application.UpdatedAt,
            new FirmSummary(application.FirmName, application.BusinessRegistrationNumber),
            uploaded,
            [.. DocumentRules.Required.Where(kind => !uploaded.Any(d => d.Kind == kind.ToString()))],
            report?.Diagnosis,
            report?.Plan,
            accepted.Count > 0 ? accepted : null,
            timeline,
            awaitingConfirmation,
            awaitingConfirmation ? application.SubmittedAt + workflow.Value.ConfirmationDeadline
                : application.CurrentStatus.IsTerminal() ? null : application.DueAt,
            JsonSerializer.Deserialize<ApplicationForm>(application.FormJson, Json.Options)!);
    }
}
