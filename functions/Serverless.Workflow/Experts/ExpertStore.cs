using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Pools;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Experts;

/// <summary>The expert pool in the Experts table; an email belongs to one expert (<see cref="PoolEmails"/>).</summary>
public sealed class ExpertStore(WorkflowStorage storage)
{
    TableClient Table => storage.Experts;

    PoolEmails Emails => new(storage.Experts, ExpertEntity.Partition);

    /// <summary>The expert rows (with their ETags), without the hold rows kept in the same partition.</summary>
    public async Task<IReadOnlyList<ExpertEntity>> ListAsync(CancellationToken cancellationToken)
    {
        var experts = new List<ExpertEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ExpertEntity.Partition} and RowKey lt {ExpertLoads.RowPrefix}");
        await foreach (var row in Table.QueryAsync<ExpertEntity>(filter, cancellationToken: cancellationToken))
        {
            experts.Add(row);
        }

        return experts;
    }

    public async Task<ExpertEntity?> FindAsync(string expertId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<ExpertEntity>(ExpertEntity.Partition, expertId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public async Task<PoolWrite> CreateAsync(ExpertEntity expert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (!await Emails.ClaimAsync(expert.Email, expert.RowKey, cancellationToken))
        {
            return PoolWrite.EmailTaken;
        }

        await Table.UpsertEntityAsync(expert, TableUpdateMode.Replace, cancellationToken);
        return PoolWrite.Done;
    }

    /// <summary>Replaces what admins may change; the load counts stay the workflow's (re-read when they moved in between).</summary>
    public async Task<PoolWrite> UpdateAsync(string expertId, ExpertEntity changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        while (true)
        {
            var current = await FindAsync(expertId, cancellationToken);
            if (current is null)
            {
                return PoolWrite.NotFound;
            }

            var oldEmail = current.Email;
            var emailChanged = !string.Equals(oldEmail, changes.Email, StringComparison.OrdinalIgnoreCase);
            if (emailChanged && !await Emails.ClaimAsync(changes.Email, expertId, cancellationToken))
            {
                return PoolWrite.EmailTaken;
            }

            changes.RowKey = expertId;
            (changes.ActiveAssignments, changes.TotalAssignments) = (current.ActiveAssignments, current.TotalAssignments);
            try
            {
                await Table.UpdateEntityAsync(changes, current.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue; // An assignment was taken or given back meanwhile: apply the change to the fresh row.
            }

            if (emailChanged)
            {
                await Emails.ReleaseAsync(oldEmail, cancellationToken);
            }

            return PoolWrite.Done;
        }
    }

    /// <summary>Removes an expert who holds no active assignment (one who does is deactivated instead, by PUT).</summary>
    public Task<PoolWrite> DeleteAsync(string expertId, CancellationToken cancellationToken) =>
        IdleDelete.DeleteIdleAsync(Table, Emails, ct => FindAsync(expertId, ct), e => e.ActiveAssignments > 0, e => e.Email, cancellationToken);
}
