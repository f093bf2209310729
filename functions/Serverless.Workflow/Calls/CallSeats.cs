using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Calls;

/// <summary>What became of an application's attempt to take its place in a call.</summary>
public enum SeatResult
{
    Taken,

    /// <summary>The call has taken its <see cref="CallEntity.MaxApplications"/>.</summary>
    Full,

    /// <summary>The call closed (or an admin closed it) since it was read.</summary>
    Closed,
}

/// <summary>
/// Intake's side of the calls (docs/api.md, Calls): which call takes a programme's applications now, and each
/// application's place in it, its seat row (a retried submission finds its own). In a call with a maximum the seat
/// goes in one transaction with the call's count, under the call's ETag, so the call never takes more. A call without
/// one is not written at all: two hundred submissions at once would otherwise all queue on its one row.
/// </summary>
public sealed class CallSeats(WorkflowStorage storage, CallStore calls)
{
    const int MaxAttempts = 50;

    TableClient Table => storage.Calls;

    /// <summary>The programme's call open now and the next, from its schedule (<see cref="CallStore.ScheduleAsync"/>).</summary>
    public async Task<ProgrammeCalls> NowAsync(string programme, DateTimeOffset now, CancellationToken cancellationToken) =>
        ProgrammeCalls.At(await calls.ScheduleAsync(programme, cancellationToken), now);

    /// <summary>The applications a call has taken, by their seat rows.</summary>
    public async Task<IReadOnlyList<string>> ApplicationsAsync(string callId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var prefix = CallEntity.SeatRow("");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CallEntity.Partition} and RowKey gt {prefix} and RowKey lt {"seat;"} and CallId eq {callId}");
        await foreach (var seat in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(seat.RowKey[prefix.Length..]);
        }

        return ids;
    }

    /// <summary>How many applications the call has taken.</summary>
    public async Task<int> CountAsync(string callId, CancellationToken cancellationToken) => (await ApplicationsAsync(callId, cancellationToken)).Count;

    public async Task<SeatResult> TakeAsync(CallSummary open, string applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var seat = new TableEntity(CallEntity.Partition, CallEntity.SeatRow(applicationId)) { ["CallId"] = open.CallId };
        if (open.MaxApplications is null)
        {
            try
            {
                await Table.AddEntityAsync(seat, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // An earlier attempt of this submission took it.
            }

            return SeatResult.Taken;
        }

        var call = await calls.FindAsync(open.CallId, cancellationToken) ?? throw new InvalidOperationException($"Call {open.CallId} disappeared.");
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (!call.IsOpenAt(now))
            {
                return SeatResult.Closed;
            }

            if (call.MaxApplications is { } max && call.Applications >= max)
            {
                return SeatResult.Full;
            }

            call.Applications++;
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, call, call.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, seat),
                ], cancellationToken);
                return SeatResult.Taken;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 1)
            {
                return SeatResult.Taken; // an earlier attempt of this submission took it
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another application took a place, or an admin changed the call, meanwhile: decide on the latest, after
                // a short wait of its own, so that a burst at the opening does not retry in step.
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, 10 * (attempt + 1))), cancellationToken);
                call = await calls.FindAsync(call.CallId, cancellationToken)
                    ?? throw new InvalidOperationException($"Call {call.CallId} disappeared.");
            }
        }

        throw new InvalidOperationException($"Could not take a place in call {call.CallId} after {MaxAttempts} attempts.");
    }
}
