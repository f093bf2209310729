using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Http;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Calls;

/// <summary>What became of a call's write.</summary>
public abstract record CallWrite
{
    public sealed record Done : CallWrite;

    /// <summary>Another call of the programme has a window that overlaps.</summary>
    public sealed record Overlaps(CallEntity Other) : CallWrite;

    /// <summary>The call changed since it was read (or its id exists already): read it again and decide again.</summary>
    public sealed record Stale : CallWrite;
}

/// <summary>The calls for applications (table Calls, docs/architecture.md).</summary>
public sealed class CallStore(WorkflowStorage storage)
{
    const int MaxAttempts = 20;
    const string ScheduleColumn = "ScheduleJson";

    TableClient Table => storage.Calls;

    /// <summary>Every call, in the order they open.</summary>
    public async Task<IReadOnlyList<CallEntity>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await RowsAsync(cancellationToken)).Where(row => !row.IsGuard).OrderBy(call => call.OpensAt)];

    /// <summary>
    /// A programme's calls in the order they open, as its guard row keeps them (written with every change to its
    /// calls): one read of one row. A guard written before it kept the schedule is read past, by a query of the calls.
    /// </summary>
    public async Task<IReadOnlyList<CallSummary>> ScheduleAsync(string programme, CancellationToken cancellationToken)
    {
        var guard = await Table.GetEntityIfExistsAsync<TableEntity>(CallEntity.Partition, CallEntity.GuardRow(programme), cancellationToken: cancellationToken);
        if (!guard.HasValue)
        {
            return [];
        }

        return guard.Value!.GetString(ScheduleColumn) is { } json
            ? JsonSerializer.Deserialize<List<CallSummary>>(json, Json.Options)!
            : [.. (await ListAsync(cancellationToken)).Where(call => call.Programme == programme).Select(CallSummary.Of)];
    }

    public async Task<CallEntity?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<CallEntity>(CallEntity.Partition, callId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Writes a new call, or a call read before under its ETag, unless its window overlaps another of its programme.
    /// The check and the write hold because the write changes the programme's guard row in the same transaction: a
    /// concurrent write to the programme's calls makes this one fail on the guard, and the check runs again.
    /// </summary>
    public async Task<CallWrite> SaveAsync(CallEntity call, bool isNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var rows = await RowsAsync(cancellationToken);
            var other = rows.FirstOrDefault(row => !row.IsGuard && row.Programme == call.Programme && row.CallId != call.CallId && row.Overlaps(call.OpensAt, call.ClosesAt));
            if (other is not null)
            {
                return new CallWrite.Overlaps(other);
            }

            var guard = rows.FirstOrDefault(row => row.RowKey == CallEntity.GuardRow(call.Programme));
            var schedule = rows.Where(row => !row.IsGuard && row.Programme == call.Programme && row.CallId != call.CallId).Append(call).OrderBy(c => c.OpensAt).Select(CallSummary.Of);
            var touched = new TableEntity(CallEntity.Partition, CallEntity.GuardRow(call.Programme))
            {
                ["TouchedAt"] = call.UpdatedAt,
                [ScheduleColumn] = JsonSerializer.Serialize(schedule, Json.Options),
            };
            TableTransactionAction[] actions =
            [
                isNew
                    ? new TableTransactionAction(TableTransactionActionType.Add, call)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, call, call.ETag),
                guard is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, touched)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, touched, guard.ETag),
            ];
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return new CallWrite.Done();
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                if (e.FailedTransactionActionIndex == 0)
                {
                    return new CallWrite.Stale();
                }

                // The programme's guard moved: another write to its calls went first. Check again.
            }
        }

        throw new InvalidOperationException($"Could not write call {call.CallId} after {MaxAttempts} attempts.");
    }

    async Task<List<CallEntity>> RowsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<CallEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CallEntity.Partition} and RowKey lt {CallEntity.FirstOtherRow}");
        await foreach (var row in Table.QueryAsync<CallEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
