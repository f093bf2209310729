using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Experts;

/// <summary>What became of an attempt to give an expert a task.</summary>
public enum TakeResult
{
    Taken,

    /// <summary>The expert is at <see cref="ExpertEntity.MaxActiveAssignments"/>.</summary>
    Full,

    /// <summary>The expert is gone or inactive.</summary>
    Unavailable,

    /// <summary>Another expert holds the task already.</summary>
    TaskTaken,
}

/// <summary>
/// Experts' loads. A hold row (<c>hold:{applicationId}:{taskId}</c>) lives beside the expert rows, so giving an expert
/// a task adds the hold and raises the expert's counts in one transaction under the expert's ETag: two applications
/// matched at the same moment never overbook an expert, and a retry finds its hold and counts nothing twice.
/// </summary>
public sealed class ExpertLoads(WorkflowStorage storage, ExpertStore experts)
{
    /// <summary>Expert ids are lowercase hex, so every expert row sorts before every hold row.</summary>
    public const string RowPrefix = "hold:";

    TableClient Table => storage.Experts;

    public async Task<TakeResult> TakeAsync(string expertId, string applicationId, string taskId, CancellationToken cancellationToken)
    {
        var rowKey = HoldRow(applicationId, taskId);
        while (true)
        {
            var hold = await Table.GetEntityIfExistsAsync<TableEntity>(ExpertEntity.Partition, rowKey, cancellationToken: cancellationToken);
            if (hold.HasValue)
            {
                return hold.Value!.GetString("ExpertId") == expertId ? TakeResult.Taken : TakeResult.TaskTaken;
            }

            var expert = await experts.FindAsync(expertId, cancellationToken);
            if (expert is not { Active: true })
            {
                return TakeResult.Unavailable;
            }

            if (expert.ActiveAssignments >= expert.MaxActiveAssignments)
            {
                return TakeResult.Full;
            }

            expert.ActiveAssignments++;
            expert.TotalAssignments++;
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, expert, expert.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(ExpertEntity.Partition, rowKey) { ["ExpertId"] = expertId }),
                ], cancellationToken);
                return TakeResult.Taken;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another task changed this expert's load, or this task was given meanwhile: look again.
            }
        }
    }

    /// <summary>Gives the task's expert one active assignment back (the task is done, or the application ended); idempotent.</summary>
    public async Task ReleaseAsync(string applicationId, string taskId, CancellationToken cancellationToken)
    {
        var hold = await Table.GetEntityIfExistsAsync<TableEntity>(ExpertEntity.Partition, HoldRow(applicationId, taskId), cancellationToken: cancellationToken);
        if (hold.HasValue)
        {
            await ReleaseAsync(hold.Value!, cancellationToken);
        }
    }

    /// <summary>Gives the task back only if <paramref name="expertId"/> holds it (an acceptance that came too late); idempotent.</summary>
    public async Task ReleaseAsync(string applicationId, string taskId, string expertId, CancellationToken cancellationToken)
    {
        var hold = await Table.GetEntityIfExistsAsync<TableEntity>(ExpertEntity.Partition, HoldRow(applicationId, taskId), cancellationToken: cancellationToken);
        if (hold.HasValue && hold.Value!.GetString("ExpertId") == expertId)
        {
            await ReleaseAsync(hold.Value, cancellationToken);
        }
    }

    /// <summary>Every hold of the application given back (completion, termination); idempotent.</summary>
    public async Task ReleaseAllAsync(string applicationId, CancellationToken cancellationToken)
    {
        var prefix = HoldRow(applicationId, "");
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ExpertEntity.Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + ";"}");
        await foreach (var hold in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            await ReleaseAsync(hold, cancellationToken);
        }
    }

    /// <summary>The expert holding the task, if any.</summary>
    public async Task<string?> HolderAsync(string applicationId, string taskId, CancellationToken cancellationToken)
    {
        var hold = await Table.GetEntityIfExistsAsync<TableEntity>(ExpertEntity.Partition, HoldRow(applicationId, taskId), cancellationToken: cancellationToken);
        return hold.HasValue ? hold.Value!.GetString("ExpertId") : null;
    }

    async Task ReleaseAsync(TableEntity hold, CancellationToken cancellationToken)
    {
        while (true)
        {
            var expert = await experts.FindAsync(hold.GetString("ExpertId"), cancellationToken);
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, hold, ETag.All) };
            if (expert is not null)
            {
                expert.ActiveAssignments = Math.Max(0, expert.ActiveAssignments - 1);
                actions.Add(new(TableTransactionActionType.UpdateReplace, expert, expert.ETag));
            }

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
                // The expert's load moved meanwhile: read it again.
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                return; // Given back by an earlier attempt.
            }
        }
    }

    static string HoldRow(string applicationId, string taskId) => $"{RowPrefix}{applicationId}:{taskId}";
}
