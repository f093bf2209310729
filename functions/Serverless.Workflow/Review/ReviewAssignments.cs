using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Review;

/// <summary>
/// Who reviews which application in which round, and each reviewer's count of pending reviews. An assignment row
/// lives beside the reviewer rows (partition <c>reviewer</c>), so taking a review adds the row and raises the
/// reviewer's count in one transaction under the reviewer's ETag, and giving it back does the reverse: a retried
/// activity finds its row and changes no count twice, and two applications never both take a reviewer's last slot
/// on a stale count.
/// </summary>
public sealed class ReviewAssignments(WorkflowStorage storage, ReviewerStore reviewers)
{
    /// <summary>Reviewer ids are lowercase hex, so every reviewer row sorts before every assignment row.</summary>
    public const string RowPrefix = "review:";

    const int MaxAttempts = 20;

    TableClient Table => storage.Reviewers;

    /// <summary>
    /// The reviewer of this role for the application's round, chosen by WORKFLOW.md (Who gets the work) and counted,
    /// or the one chosen before; null when no active reviewer of the role is free of a conflict with the firm.
    /// </summary>
    public async Task<ReviewerEntity?> AssignAsync(
        string applicationId, int round, ReviewerRole role, string firmBusinessRegistrationNumber, CancellationToken cancellationToken)
    {
        var rowKey = $"{RowPrefix}{applicationId}:{round}:{role}";
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await FindAssignedAsync(rowKey, cancellationToken) is { } assigned)
            {
                return assigned;
            }

            var candidates = (await reviewers.ListEntitiesAsync(cancellationToken))
                .Where(r => r.Active && r.Role == role.ToString() && !r.ToReviewer().ConflictBusinessRegistrationNumbers.Contains(firmBusinessRegistrationNumber))
                .OrderBy(r => role == ReviewerRole.Reviewer ? r.PendingReviews : 0)
                .ThenBy(r => r.RowKey, StringComparer.Ordinal);
            var chosen = candidates.FirstOrDefault();
            if (chosen is null)
            {
                return null;
            }

            chosen.PendingReviews++;
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, chosen, chosen.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(ReviewerEntity.Partition, rowKey) { ["ReviewerId"] = chosen.RowKey }),
                ], cancellationToken);
                return chosen;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else changed that reviewer's count (or this assignment was made meanwhile): look again.
            }
        }

        throw new InvalidOperationException($"Could not assign a reviewer to {applicationId} after {MaxAttempts} attempts.");
    }

    /// <summary>Gives back every review of the application's round (decided, expired or terminated); idempotent.</summary>
    public async Task<IReadOnlyList<string>> ReleaseAsync(string applicationId, int round, CancellationToken cancellationToken)
    {
        var released = new List<string>();
        var prefix = $"{RowPrefix}{applicationId}:{round}:";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ReviewerEntity.Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + ";"}");
        await foreach (var assignment in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var reviewerId = assignment.GetString("ReviewerId");
            await ReleaseOneAsync(assignment, reviewerId, cancellationToken);
            released.Add(reviewerId);
        }

        return released;
    }

    async Task ReleaseOneAsync(TableEntity assignment, string reviewerId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var reviewer = await reviewers.FindAsync(reviewerId, cancellationToken);
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, assignment, ETag.All) };
            if (reviewer is not null)
            {
                reviewer.PendingReviews = Math.Max(0, reviewer.PendingReviews - 1);
                actions.Add(new(TableTransactionActionType.UpdateReplace, reviewer, reviewer.ETag));
            }

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
                // The reviewer's count moved meanwhile: read it again.
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                return; // Released by an earlier attempt of this very step.
            }
        }

        throw new InvalidOperationException($"Could not release reviewer {reviewerId} after {MaxAttempts} attempts.");
    }

    async Task<ReviewerEntity?> FindAssignedAsync(string rowKey, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(ReviewerEntity.Partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? await reviewers.FindAsync(row.Value!.GetString("ReviewerId"), cancellationToken) : null;
    }
}
