using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;
using Serverless.Workflow.Matching;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Calls;

/// <summary>What became of an approval's commitment.</summary>
public abstract record BudgetCommit
{
    /// <summary>Committed now or before (a repeated post), or nothing to commit (an application taken before calls).</summary>
    public sealed record Done : BudgetCommit;

    /// <summary>The call has less left than the plan's programme share: nothing was committed.</summary>
    public sealed record NotEnough(long LeftKrw, long NeededKrw) : BudgetCommit;
}

/// <summary>
/// The calls' budgets (docs/api.md, Calls: Budget). An approval commits the plan's programme share: the call's
/// committed sum goes up under the call's ETag in the same transaction that adds the application's share row, so two
/// approvals racing for the last of a budget never both get it, and a repeat commits nothing twice. A completed
/// application's share moves from committed to spent; one that ends otherwise gives it back. Each move changes the
/// share row and the call together, under both ETags; all are idempotent.
/// </summary>
public sealed class CallBudget(WorkflowStorage storage, CallStore calls, TimeProvider time)
{
    const int MaxAttempts = 50;

    TableClient Table => storage.Calls;

    public async Task<BudgetCommit> CommitAsync(ApplicationEntity application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.CallId.Length == 0)
        {
            return new BudgetCommit.Done();
        }

        var tasks = ApplicationPlan.Tasks(application);
        var share = new BudgetShareEntity
        {
            RowKey = BudgetShareEntity.Row(application.ApplicationId),
            CallId = application.CallId,
            ApplicationId = application.ApplicationId,
            AmountKrw = tasks.Sum(t => t.ProgrammeShareKrw),
            TasksJson = JsonSerializer.Serialize(tasks.Select(t => new TaskShare(t.TaskId, t.SupportType, t.ProgrammeShareKrw)), Json.Options),
            CommittedAt = time.GetUtcNow(),
        };
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // A share given back (a review round that asked for changes) is committed afresh for the new plan.
            var previous = await FindAsync(application.ApplicationId, cancellationToken);
            if (previous is { CurrentState: ShareState.Committed or ShareState.Spent })
            {
                return new BudgetCommit.Done();
            }

            var call = await calls.FindAsync(application.CallId, cancellationToken)
                ?? throw new InvalidOperationException($"Application {application.ApplicationId} names call {application.CallId}, which does not exist.");
            var left = call.LeftKrw;
            if (left < share.AmountKrw)
            {
                return new BudgetCommit.NotEnough(left, share.AmountKrw);
            }

            call.CommittedKrw += share.AmountKrw;
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, call, call.ETag),
                    previous is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, share)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, share, previous.ETag),
                ], cancellationToken);
                return new BudgetCommit.Done();
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another approval or an admin changed the call, or this commit's earlier attempt went through: look again.
            }
        }

        throw new InvalidOperationException($"Could not commit the share of {application.ApplicationId} after {MaxAttempts} attempts.");
    }

    /// <summary>A completed application's share: from committed to spent.</summary>
    public Task SpendAsync(string applicationId, CancellationToken cancellationToken) => SettleAsync(applicationId, ShareState.Spent, cancellationToken);

    /// <summary>An application that ends without completing (or a review that did not approve) gives its share back.</summary>
    public Task ReturnAsync(string applicationId, CancellationToken cancellationToken) => SettleAsync(applicationId, ShareState.Returned, cancellationToken);

    /// <summary>An application whose approval the budget refused: mailed to its reviewer again once an admin raises the budget.</summary>
    public sealed record Waiting(string ApplicationId, int Round);

    public async Task WaitAsync(ApplicationEntity application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        await Table.UpsertEntityAsync(
            new TableEntity(CallEntity.Partition, WaitRow(application.ApplicationId)) { ["CallId"] = application.CallId, ["Round"] = application.Round },
            TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The applications of <paramref name="callId"/> waiting for its budget.</summary>
    public async Task<IReadOnlyList<Waiting>> WaitingAsync(string callId, CancellationToken cancellationToken)
    {
        var waiting = new List<Waiting>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {CallEntity.Partition} and RowKey gt {WaitRow("")} and RowKey lt {"wait;"} and CallId eq {callId}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            waiting.Add(new Waiting(row.RowKey[WaitRow("").Length..], row.GetInt32("Round") ?? 0));
        }

        return waiting;
    }

    public async Task StopWaitingAsync(string applicationId, CancellationToken cancellationToken) =>
        await Table.DeleteEntityAsync(CallEntity.Partition, WaitRow(applicationId), ETag.All, cancellationToken);

    static string WaitRow(string applicationId) => "wait:" + applicationId;

    /// <summary>Every share committed in <paramref name="callId"/>, whatever became of it.</summary>
    public async Task<IReadOnlyList<BudgetShareEntity>> SharesAsync(string callId, CancellationToken cancellationToken)
    {
        var shares = new List<BudgetShareEntity>();
        var prefix = BudgetShareEntity.Row("");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CallEntity.Partition} and RowKey gt {prefix} and RowKey lt {"share;"} and CallId eq {callId}");
        await foreach (var share in Table.QueryAsync<BudgetShareEntity>(filter, cancellationToken: cancellationToken))
        {
            shares.Add(share);
        }

        return shares;
    }

    public async Task<BudgetShareEntity?> FindAsync(string applicationId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<BudgetShareEntity>(CallEntity.Partition, BudgetShareEntity.Row(applicationId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    async Task SettleAsync(string applicationId, ShareState to, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await FindAsync(applicationId, cancellationToken) is not { CurrentState: ShareState.Committed } share)
            {
                return; // nothing committed, or settled by an earlier attempt
            }

            var call = (await calls.FindAsync(share.CallId, cancellationToken))!;
            call.CommittedKrw -= share.AmountKrw;
            call.SpentKrw += to == ShareState.Spent ? share.AmountKrw : 0;
            (share.State, share.SettledAt) = (to.ToString(), time.GetUtcNow());
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, call, call.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, share, share.ETag),
                ], cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
                // The call or the share moved meanwhile: look again.
            }
        }

        throw new InvalidOperationException($"Could not settle the share of {applicationId} after {MaxAttempts} attempts.");
    }
}

/// <summary>A task's programme share, as the share row keeps it.</summary>
public sealed record TaskShare(string TaskId, string SupportType, long ProgrammeShareKrw);
