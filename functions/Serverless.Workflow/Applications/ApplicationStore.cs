using Azure.Data.Tables;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Applications;

/// <summary>Reads and writes the Applications projection and its audit trail.</summary>
public sealed class ApplicationStore(WorkflowStorage storage)
{
    public async Task<ApplicationEntity?> FindAsync(string applicationId, CancellationToken cancellationToken)
    {
        var response = await storage.Applications.GetEntityIfExistsAsync<ApplicationEntity>(
            applicationId, ApplicationEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task CreateAsync(ApplicationEntity application, CancellationToken cancellationToken)
    {
        await storage.Applications.AddEntityAsync(application, cancellationToken);
        await AppendEventAsync(application.ApplicationId, new ApplicationEventEntity
        {
            Type = "Submitted",
            Actor = "firm",
            ToStatus = application.Status,
            At = application.SubmittedAt,
        }, cancellationToken);
    }

    /// <summary>
    /// Writes a status the orchestrator decided on. Idempotent: a retry of the same change (same status, round
    /// and time) leaves one row and one audit entry.
    /// </summary>
    public async Task ApplyStatusAsync(StatusChange change, CancellationToken cancellationToken)
    {
        var application = await FindAsync(change.ApplicationId, cancellationToken)
            ?? throw new InvalidOperationException($"Application {change.ApplicationId} has no projection row.");
        var from = application.Status;

        if (application.UpdatedAt <= change.At)
        {
            application.Status = change.Status.ToString();
            application.Stage = change.Status.Stage().ToString();
            application.Round = change.Round;
            application.UpdatedAt = change.At;
            await storage.Applications.UpdateEntityAsync(application, application.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        // The row key derives from the change itself, so a retried activity overwrites its own entry.
        await storage.ApplicationEvents.UpsertEntityAsync(new ApplicationEventEntity
        {
            PartitionKey = change.ApplicationId,
            RowKey = $"{change.At.UtcTicks:D19}-{change.Status}-{change.Round}",
            Type = "StatusChanged",
            Actor = "workflow",
            FromStatus = from == change.Status.ToString() ? null : from,
            ToStatus = change.Status.ToString(),
            Note = change.Note,
            At = change.At,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task AppendEventAsync(string applicationId, ApplicationEventEntity entry, CancellationToken cancellationToken)
    {
        entry.PartitionKey = applicationId;
        entry.RowKey = $"{entry.At.UtcTicks:D19}-{Guid.NewGuid():N}";
        await storage.ApplicationEvents.AddEntityAsync(entry, cancellationToken);
    }

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
}
