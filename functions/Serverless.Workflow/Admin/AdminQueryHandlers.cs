using System.Globalization;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Admin;

/// <summary>The orchestration as the admin detail shows it.</summary>
public sealed record OrchestrationView(string RuntimeStatus, string? CustomStatus, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt);

/// <summary>An audit entry: who did what, when, from which status to which.</summary>
public sealed record AuditView(DateTimeOffset At, string Type, string Actor, string? FromStatus, string? ToStatus, string? Note);

/// <summary>A link still open: what for and whose; never the token.</summary>
public sealed record PendingLinkView(string Purpose, string Actor, DateTimeOffset? ExpiresAt);

/// <summary>
/// A task of the plan as the staff follow it: whom it went to, where it stands, what the expert reported and whether
/// the report's file may be downloaded (<see cref="AdminQueryHandlers.ReportAsync"/>).
/// </summary>
public sealed record TaskView(
    string TaskId, string Category, string SupportType, string Status, string? ExpertName, DateTimeOffset? AcceptedAt,
    DateTimeOffset? CompletedAt, string? ReportSummary, string? ReportFileName, bool SlaBreached);

/// <summary>The firm's rating of the support and its comment, from the audit trail.</summary>
public sealed record FeedbackView(int Rating, string? Comment, DateTimeOffset At)
{
    /// <summary>The firm's latest feedback: its audit note is <c>{rating}/5</c>, then <c>: {comment}</c> when it wrote one (Completion/FeedbackLinkPurpose.cs).</summary>
    public static FeedbackView? Latest(IReadOnlyList<ApplicationEventEntity> events) =>
        events.LastOrDefault(e => e.Type == nameof(FeedbackGiven)) is { Note: { } note } given
            && int.TryParse(note.AsSpan(0, Math.Max(note.IndexOf('/', StringComparison.Ordinal), 0)), NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
            ? new FeedbackView(rating, note.IndexOf(": ", StringComparison.Ordinal) is var colon and >= 0 ? note[(colon + 2)..] : null, given.At)
            : null;
}

/// <summary>The admins' reads (docs/api.md, Admin): the list, one application in detail, the stats, the CSV export.</summary>
public sealed class AdminQueryHandlers(
    ApplicationQuery query, ApplicationStore applications, FirmViews views, LinkStore links, OrchestrationHistory history,
    ApplicationStats stats, AssignmentStore assignments, WorkflowStorage storage, TimeProvider time)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = ApplicationQuery.Parse(request.Query);
        return filter is null ? Problems.Invalid(errors.ToDictionary()) : ApiResults.Json(await query.ListAsync(filter, cancellationToken));
    }

    public async Task<IResult> GetAsync(string applicationId, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var application = ApplicationIds.IsValid(applicationId) ? await applications.FindAsync(applicationId, cancellationToken) : null;
        if (application is null)
        {
            return Problems.NotFound();
        }

        // docs/api.md: the firm's view, plus what only admins see, side by side in one object.
        var instance = await durable.GetInstanceAsync(applicationId, getInputsAndOutputs: true, cancellationToken);
        var now = time.GetUtcNow();
        var events = await applications.EventsAsync(applicationId, cancellationToken);
        var view = JsonSerializer.SerializeToNode(await views.BuildAsync(application, events, cancellationToken), Json.Options)!.AsObject();
        view["orchestration"] = instance is null ? null : JsonSerializer.SerializeToNode(
            new OrchestrationView(instance.RuntimeStatus.ToString(), instance.SerializedCustomStatus, instance.CreatedAt, instance.LastUpdatedAt), Json.Options);
        view["history"] = JsonSerializer.SerializeToNode(await history.ReadAsync(applicationId, cancellationToken), Json.Options);
        view["events"] = JsonSerializer.SerializeToNode(
            events.Select(e => new AuditView(e.At, e.Type, e.Actor, e.FromStatus, e.ToStatus, e.Note)),
            Json.Options);
        view["tasks"] = JsonSerializer.SerializeToNode(
            (await assignments.ListAsync(applicationId, cancellationToken)).OrderBy(a => a.TaskId, StringComparer.Ordinal).Select(a => new TaskView(
                a.TaskId, a.Category, a.SupportType, a.Status, a.ExpertName is { Length: > 0 } name ? name : null, a.AcceptedAt, a.CompletedAt,
                a.ReportSummary, a.ReportBlob is { } blob ? blob[(blob.LastIndexOf('/') + 1)..] : null, a.SlaBreached)),
            Json.Options);
        view["feedback"] = FeedbackView.Latest(events) is { } feedback ? JsonSerializer.SerializeToNode(feedback, Json.Options) : null;
        view["pendingLinks"] = JsonSerializer.SerializeToNode(
            (await links.ListAsync(applicationId, cancellationToken)).Where(l => l.IsLive(now) && !FirmAccess.IsFirmCredential(l))
                .Select(l => new PendingLinkView(l.Purpose, l.Actor, l.ExpiresAt)),
            Json.Options);
        return ApiResults.Json(view);
    }

    /// <summary>
    /// <c>GET /api/admin/applications/{applicationId}/tasks/{taskId}/report</c>: the file an expert sent with the report,
    /// for the staff, by the admin key (the detail's <c>tasks[].reportFileName</c> says there is one).
    /// </summary>
    public async Task<IResult> ReportAsync(string applicationId, string taskId, CancellationToken cancellationToken)
    {
        var assignment = ApplicationIds.IsValid(applicationId) && ApplicationPlan.IsTaskId(taskId)
            ? await assignments.FindAsync(applicationId, taskId, cancellationToken)
            : null;
        if (assignment?.ReportBlob is not { } blobName)
        {
            return Problems.NotFound();
        }

        var blob = storage.Documents.GetBlobClient(blobName);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        return TypedResults.Stream(
            await blob.OpenReadAsync(cancellationToken: cancellationToken), properties.Value.ContentType, blobName[(blobName.LastIndexOf('/') + 1)..]);
    }

    public async Task<IResult> StatsAsync(CancellationToken cancellationToken) => ApiResults.Json(await stats.ReadAsync(cancellationToken));

    /// <summary>The filtered list as CSV, streamed row by row: UTF-8 with a BOM, so Excel shows Korean names intact.</summary>
    public IResult Csv(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = ApplicationQuery.Parse(request.Query);
        if (filter is null)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
            await writer.WriteLineAsync("receiptNumber,firmName,businessRegistrationNumber,status,stage,miniCluster,submittedAt,updatedAt,slaBreached,applicationId");
            var now = time.GetUtcNow();
            await foreach (var row in query.RowsAsync(filter with { After = null }, request.HttpContext.RequestAborted))
            {
                var item = ApplicationQuery.Item(row, now);
                await writer.WriteLineAsync(string.Join(",",
                    Cell(item.ReceiptNumber), Cell(item.FirmName), Cell(item.BusinessRegistrationNumber), Cell(item.Status.ToString()), Cell(item.Stage.ToString()),
                    Cell(item.MiniCluster ?? ""), Cell(item.SubmittedAt.ToString("O", CultureInfo.InvariantCulture)),
                    Cell(item.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)), item.SlaBreached ? "true" : "false", Cell(item.ApplicationId)));
            }
        }, "text/csv; charset=utf-8", "applications.csv");
    }

    /// <summary>A CSV cell: quoted when it must be, and never read by a spreadsheet as a formula.</summary>
    static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
