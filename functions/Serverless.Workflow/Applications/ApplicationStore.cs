using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Admin;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Applications;

/// <summary>
/// Reads and writes the Applications projection, its index rows and its audit trail. Every write is idempotent:
/// a retry after a failure at any point leaves one application, one row per index partition and one audit entry.
/// </summary>
public sealed class ApplicationStore(WorkflowStorage storage)
{
    readonly ApplicationStats stats = new(storage);

    public async Task<ApplicationEntity?> FindAsync(string applicationId, CancellationToken cancellationToken)
    {
        var response = await storage.Applications.GetEntityIfExistsAsync<ApplicationEntity>(
            applicationId, ApplicationEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The application a workflow step works on; it must exist (intake wrote it before the workflow started).</summary>
    public async Task<ApplicationEntity> GetAsync(string applicationId, CancellationToken cancellationToken) =>
        await FindAsync(applicationId, cancellationToken)
            ?? throw new InvalidOperationException($"Application {applicationId} has no projection row.");

    /// <summary>
    /// The application while it has not ended; null once it has (terminated while a step was on its way), so that the
    /// step sends, offers and takes nothing more.
    /// </summary>
    public async Task<ApplicationEntity?> GetUnlessEndedAsync(string applicationId, CancellationToken cancellationToken)
    {
        var application = await GetAsync(applicationId, cancellationToken);
        return application.CurrentStatus.IsTerminal() ? null : application;
    }

    /// <summary>
    /// Records when the firm confirmed. A merge of that one property: every other write of the row is under its ETag,
    /// so none can carry an older row over it.
    /// </summary>
    public Task MarkConfirmedAsync(string applicationId, DateTimeOffset at, CancellationToken cancellationToken) =>
        storage.Applications.UpdateEntityAsync(
            new TableEntity(applicationId, ApplicationEntity.Row) { [nameof(ApplicationEntity.ConfirmedAt)] = at },
            ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>Writes a new application (status Submitted), its index rows and its "Submitted" audit entry.</summary>
    public async Task CreateAsync(ApplicationEntity application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var firstWrite = true;
        try
        {
            await storage.Applications.AddEntityAsync(application, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Written by an earlier attempt of the same submission; finish what it started.
            firstWrite = false;
        }

        // Side by side: the orchestration that moves the application on is started only after all of these.
        await Task.WhenAll(
            stats.MoveAsync(application, ApplicationStatus.Submitted, application.SubmittedAt, [], cancellationToken, neverCounted: firstWrite),
            UpsertIndexAsync(application, application.Status, cancellationToken),
            WriteNameRowsAsync(application, formerName: null, cancellationToken),
            storage.ApplicationEvents.UpsertEntityAsync(
                AuditEntry(application.ApplicationId, "Submitted", "firm", null, nameof(ApplicationStatus.Submitted), null, application.SubmittedAt),
                TableUpdateMode.Replace,
                cancellationToken));
    }

    /// <summary>
    /// Writes a status the orchestrator decided on: index rows first, then the application row, then the audit entry,
    /// so a retry after a failure anywhere redoes the whole move. An older change arriving late never overwrites a newer one, and no
    /// change leaves a terminal status.
    /// </summary>
    public async Task ApplyStatusAsync(StatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var application = await GetAsync(change.ApplicationId, cancellationToken);
        var from = application.Status;
        var to = change.Status.ToString();
        var key = $"{change.Status}-{change.Round}";
        if (!application.CurrentStatus.CanMove(change.Status, change.Reopens))
        {
            // Terminal means terminal: a step already on its way when the application ended (an admin's terminate
            // landing mid-episode) writes nothing over the end, however late its time.
            return;
        }

        var newEntry = from != to || application.Round != change.Round || !await IsInTrailAsync(change, key, cancellationToken);
        if (application.UpdatedAt > change.At)
        {
            // A later status is already written (an admin's terminate got in first). This write's earlier attempt may
            // have moved index rows before it lost: put them back to the application's status.
            await UpsertIndexAsync(application, application.Status, cancellationToken);
            if (to != application.Status)
            {
                await storage.ApplicationIndex.DeleteEntityAsync(
                    ApplicationIndexEntity.StatusPartition(to), ApplicationIndexEntity.RowFor(application.SubmittedAt, application.ApplicationId), ETag.All, cancellationToken);
            }

            return;
        }

        application.Status = to;
        application.Stage = change.Status.Stage().ToString();
        application.Round = change.Round;
        application.UpdatedAt = change.At;
        application.DueAt = change.DueAt;
        // Support types count once a plan is approved; only then is the stored report worth reading.
        IReadOnlyList<string> supportTypes = change.Status == ApplicationStatus.Approved ? [.. ApplicationPlan.Tasks(application).Select(t => t.SupportType)] : [];
        await stats.MoveAsync(application, change.Status, change.At, supportTypes, cancellationToken);
        await UpsertIndexAsync(application, to, cancellationToken);
        if (from != to)
        {
            await storage.ApplicationIndex.DeleteEntityAsync(
                ApplicationIndexEntity.StatusPartition(from),
                ApplicationIndexEntity.RowFor(application.SubmittedAt, application.ApplicationId),
                ETag.All,
                cancellationToken);
        }

        await storage.Applications.UpdateEntityAsync(application, application.ETag, TableUpdateMode.Replace, cancellationToken);

        // The audit entry only once the move is in (under the row's ETag): a step racing an admin's terminate loses
        // the ETag and leaves no entry after the end. A crash just before this line is mended by the retry, which
        // finds the entry missing from the trail.
        if (newEntry)
        {
            await storage.ApplicationEvents.UpsertEntityAsync(
                AuditEntry(change.ApplicationId, "StatusChanged", "workflow", from == to ? null : from, to, change.Note, change.At, key),
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    /// <summary>
    /// Whether this very change (status, round and note) is in the audit trail already. After a crash the engine can
    /// run a status step again under a new time (the episode that scheduled it is replayed later), and the entry's
    /// time-ordered key would then not overwrite the first: this keeps the trail to one entry per change.
    /// </summary>
    async Task<bool> IsInTrailAsync(StatusChange change, string key, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {change.ApplicationId} and ToStatus eq {change.Status.ToString()}");
        await foreach (var entry in storage.ApplicationEvents.QueryAsync<ApplicationEventEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entry.RowKey.EndsWith($"-{key}", StringComparison.Ordinal) && entry.Note == change.Note)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes a status that ends the application from outside the workflow (an admin's terminate), retrying when the
    /// workflow's own projection write got in between.
    /// </summary>
    public async Task RecordTerminalAsync(StatusChange change, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await ApplyStatusAsync(change, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // The workflow recorded a step a moment ago: apply the end over it.
            }
        }
    }

    /// <summary>Replaces the form of an application whose firm made the changes a reviewer asked for.</summary>
    public async Task UpdateFormAsync(ApplicationEntity application, ApplicationForm form, string requestHash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(form);
        application.FormJson = JsonSerializer.Serialize(form, Http.Json.Options);
        application.RequestHash = requestHash;
        var formerName = application.FirmName;
        application.FirmName = form.Firm.Name;
        application.FirmEmail = form.Firm.Email;
        application.MiniCluster = form.Firm.MiniCluster;
        application.Language = form.Language;
        application.ChangesSentInRound = application.Round;
        await storage.Applications.UpdateEntityAsync(application, application.ETag, TableUpdateMode.Replace, cancellationToken);
        if (formerName != application.FirmName)
        {
            await WriteNameRowsAsync(application, formerName, cancellationToken);
        }

        await AppendEventAsync(application.ApplicationId, "ApplicationUpdated", "firm", null, at, cancellationToken);
    }

    /// <summary>The firm-name search's rows (<see cref="FirmNameIndex"/>); those only a former name had are removed.</summary>
    public async Task WriteNameRowsAsync(ApplicationEntity application, string? formerName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var partitions = FirmNameIndex.Partitions(application.FirmName);
        IEnumerable<string> gone = formerName is null ? [] : FirmNameIndex.Partitions(formerName).Except(partitions);
        var row = ApplicationIndexEntity.RowFor(application.SubmittedAt, application.ApplicationId);
        await Task.WhenAll(
            partitions.Select(partition => storage.ApplicationIndex.UpsertEntityAsync(
                ApplicationIndexEntity.For(partition, application), TableUpdateMode.Replace, cancellationToken))
            .Concat(gone.Select(partition => storage.ApplicationIndex.DeleteEntityAsync(partition, row, ETag.All, cancellationToken))));
    }

    /// <summary>Stores the diagnosis and plan with the application (written over any earlier round's).</summary>
    public async Task SaveDiagnosisAsync(ApplicationEntity application, Diagnosis.DiagnosisReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        application.DiagnosisJson = JsonSerializer.Serialize(report, Http.Json.Options);
        await storage.Applications.UpdateEntityAsync(application, application.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task AppendEventAsync(string applicationId, string type, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
        await storage.ApplicationEvents.AddEntityAsync(
            AuditEntry(applicationId, type, actor, null, null, note, at, Guid.NewGuid().ToString("N")), cancellationToken);

    /// <summary>An audit entry an activity writes: the same <paramref name="key"/> and time overwrite it, so a retry adds no second one.</summary>
    public async Task RecordEventAsync(string applicationId, string type, string actor, string? note, DateTimeOffset at, string key, CancellationToken cancellationToken) =>
        await storage.ApplicationEvents.UpsertEntityAsync(
            AuditEntry(applicationId, type, actor, null, null, note, at, key), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Claims an admin's retry of the failure the application records now: its audit entry is keyed by the time the
    /// Failed status was written, so a second retry of the same failure (a double click, two admins) finds it taken and
    /// false is returned; the workflow would otherwise keep the second request and spend it on a later failure.
    /// </summary>
    public async Task<bool> ClaimRetryAsync(ApplicationEntity failed, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var entry = AuditEntry(failed.ApplicationId, "RetryRequested", "admin", null, null, reason, at);
        entry.RowKey = RetryRow(failed);
        try
        {
            await storage.ApplicationEvents.AddEntityAsync(entry, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Gives back a retry claim whose request never reached the workflow, so the admin can ask again.</summary>
    public async Task ReleaseRetryAsync(ApplicationEntity failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        await storage.ApplicationEvents.DeleteEntityAsync(failed.ApplicationId, RetryRow(failed), ETag.All, cancellationToken);
    }

    static string RetryRow(ApplicationEntity failed) => $"{failed.UpdatedAt.UtcTicks:D19}-retry";

    public async Task<IReadOnlyList<ApplicationEventEntity>> EventsAsync(string applicationId, CancellationToken cancellationToken)
    {
        var events = new List<ApplicationEventEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {applicationId}");
        await foreach (var entry in storage.ApplicationEvents.QueryAsync<ApplicationEventEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(entry);
        }

        return events;
    }

    async Task UpsertIndexAsync(ApplicationEntity application, string status, CancellationToken cancellationToken) =>
        await Task.WhenAll(
            new[]
            {
                ApplicationIndexEntity.All, ApplicationIndexEntity.StatusPartition(status),
                ApplicationIndexEntity.FirmPartition(application.BusinessRegistrationNumber), ApplicationIndexEntity.ReceiptPartition(application.ReceiptNumber),
            }
                .Select(partition => storage.ApplicationIndex.UpsertEntityAsync(
                    ApplicationIndexEntity.For(partition, application), TableUpdateMode.Replace, cancellationToken)));

    /// <summary>Row keys start with the time (ticks), so the trail reads in order; the suffix makes a retry overwrite its own entry.</summary>
    static ApplicationEventEntity AuditEntry(
        string applicationId, string type, string actor, string? from, string? to, string? note, DateTimeOffset at, string? suffix = null) => new()
        {
            PartitionKey = applicationId,
            RowKey = $"{at.UtcTicks:D19}-{suffix ?? type}",
            Type = type,
            Actor = actor,
            FromStatus = from,
            ToStatus = to,
            Note = note,
            At = at,
        };
}
