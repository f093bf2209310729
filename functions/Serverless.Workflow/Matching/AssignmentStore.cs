using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Matching;

/// <summary>The Assignments table: one row per task of an application's plan.</summary>
public sealed class AssignmentStore(WorkflowStorage storage)
{
    public async Task<AssignmentEntity?> FindAsync(string applicationId, string taskId, CancellationToken cancellationToken)
    {
        var row = await storage.Assignments.GetEntityIfExistsAsync<AssignmentEntity>(applicationId, taskId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public async Task<IReadOnlyList<AssignmentEntity>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var rows = new List<AssignmentEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {applicationId}");
        await foreach (var row in storage.Assignments.QueryAsync<AssignmentEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Writes the row as the caller changed it; the last write of an idempotent step wins.</summary>
    public async Task SaveAsync(AssignmentEntity assignment, CancellationToken cancellationToken) =>
        await storage.Assignments.UpsertEntityAsync(assignment, TableUpdateMode.Replace, cancellationToken);
}
