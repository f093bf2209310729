using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Review;

/// <summary>The round's reviewer of a role (null: nobody qualifies), and the one they replace, if any.</summary>
public sealed record ReviewAssignment(ReviewerEntity? Reviewer, string? Replaced);

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
    /// The reviewer of this role for the application's round, chosen by docs/workflow.md (Who gets the work) and counted,
    /// or the one chosen before while they are still active and free of conflict. One who no longer is (an admin
    /// deactivated them, or added the firm to their conflicts) gets the review back and is reported as replaced.
    /// The reviewer is null when nobody of the role qualifies.
    /// </summary>
    public async Task<ReviewAssignment> AssignAsync(
        string applicationId, int round, ReviewerRole role, string firmBusinessRegistrationNumber, CancellationToken cancellationToken)
    {
        bool Qualifies(ReviewerEntity r) =>
            r.Active && r.Role == role.ToString() && !r.ToReviewer().ConflictBusinessRegistrationNumbers.Contains(firmBusinessRegistrationNumber);

        var rowKey = $"{RowPrefix}{applicationId}:{round}:{role}";
        string? replaced = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(ReviewerEntity.Partition, rowKey, cancellationToken: cancellationToken);
            if (existing.HasValue)
            {
                var assignedId = existing.Value!.GetString("ReviewerId");
                if (await reviewers.FindAsync(assignedId, cancellationToken) is { } assigned && Qualifies(assigned))
                {
                    return new ReviewAssignment(assigned, replaced);
                }

                await ReleaseOneAsync(existing.Value, assignedId, cancellationToken);
                replaced = assignedId;
            }

            var chosen = (await reviewers.ListAsync(cancellationToken))
                .Where(r => Qualifies(r) && r.RowKey != replaced)
                .OrderBy(r => role == ReviewerRole.Reviewer ? r.PendingReviews : 0)
                .ThenBy(r => r.RowKey, StringComparer.Ordinal)
                .FirstOrDefault();
            if (chosen is null)
            {
                return new ReviewAssignment(null, replaced);
            }

            chosen.PendingReviews++;
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, chosen, chosen.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(ReviewerEntity.Partition, rowKey) { ["ReviewerId"] = chosen.RowKey }),
                ], cancellationToken);
                return new ReviewAssignment(chosen, replaced);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else changed that reviewer's count (or this assignment was made meanwhile): look again.
            }
        }

        throw new InvalidOperationException($"Could not assign a reviewer to {applicationId} after {MaxAttempts} attempts.");
    }

    /// <summary>Gives back every review of the application's round (decided, expired or terminated); idempotent.</summary>
    public Task<IReadOnlyList<string>> ReleaseAsync(string applicationId, int round, CancellationToken cancellationToken) =>
        ReleaseRowsAsync($"{RowPrefix}{applicationId}:{round}:", cancellationToken);

    /// <summary>Gives back every review of the application, whatever the round (it ended); idempotent.</summary>
    public Task<IReadOnlyList<string>> ReleaseAllAsync(string applicationId, CancellationToken cancellationToken) =>
        ReleaseRowsAsync($"{RowPrefix}{applicationId}:", cancellationToken);

    async Task<IReadOnlyList<string>> ReleaseRowsAsync(string prefix, CancellationToken cancellationToken)
    {
        var released = new List<string>();
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

    /// <summary>
    /// Adds the firm to the reviewer's conflicts (a recusal), under the row's ETag so that an admin's edit or a count
    /// moved meanwhile is kept; idempotent.
    /// </summary>
    public async Task DeclareConflictAsync(string reviewerId, string businessRegistrationNumber, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var reviewer = await reviewers.FindAsync(reviewerId, cancellationToken);
            var conflicts = reviewer?.ToReviewer().ConflictBusinessRegistrationNumbers ?? [businessRegistrationNumber];
            if (reviewer is null || conflicts.Contains(businessRegistrationNumber))
            {
                return;
            }

            reviewer.ConflictBusinessRegistrationNumbers = string.Join(",", conflicts.Append(businessRegistrationNumber));
            try
            {
                await Table.UpdateEntityAsync(reviewer, reviewer.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // The row changed meanwhile: read it again.
            }
        }

        throw new InvalidOperationException($"Could not record reviewer {reviewerId}'s conflict after {MaxAttempts} attempts.");
    }
}
