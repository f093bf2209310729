using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Pools;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Review;

/// <summary>
/// The reviewer pool in the Reviewers table; an email belongs to one reviewer (<see cref="PoolEmails"/>).
/// </summary>
public sealed class ReviewerStore(WorkflowStorage storage)
{
    TableClient Table => storage.Reviewers;

    PoolEmails Emails => new(storage.Reviewers, ReviewerEntity.Partition);

    public async Task<IReadOnlyList<Reviewer>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await ListEntitiesAsync(cancellationToken)).Select(r => r.ToReviewer())];

    /// <summary>The reviewer rows (with their ETags), without the review assignments kept in the same partition.</summary>
    public async Task<IReadOnlyList<ReviewerEntity>> ListEntitiesAsync(CancellationToken cancellationToken)
    {
        var reviewers = new List<ReviewerEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReviewerEntity.Partition} and RowKey lt {ReviewAssignments.RowPrefix}");
        await foreach (var row in Table.QueryAsync<ReviewerEntity>(filter, cancellationToken: cancellationToken))
        {
            reviewers.Add(row);
        }

        return reviewers;
    }

    public async Task<ReviewerEntity?> FindAsync(string reviewerId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<ReviewerEntity>(ReviewerEntity.Partition, reviewerId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public async Task<PoolWrite> CreateAsync(ReviewerEntity reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!await Emails.ClaimAsync(reviewer.Email, reviewer.RowKey, cancellationToken))
        {
            return PoolWrite.EmailTaken;
        }

        await Table.AddEntityAsync(reviewer, cancellationToken);
        return PoolWrite.Done;
    }

    /// <summary>
    /// Replaces what admins may change; the pending-review count stays the workflow's (re-read when the workflow
    /// changed it in between).
    /// </summary>
    public async Task<PoolWrite> UpdateAsync(string reviewerId, ReviewerEntity changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        while (true)
        {
            var current = await FindAsync(reviewerId, cancellationToken);
            if (current is null)
            {
                return PoolWrite.NotFound;
            }

            var oldEmail = current.Email;
            var emailChanged = !string.Equals(oldEmail, changes.Email, StringComparison.OrdinalIgnoreCase);
            if (emailChanged && !await Emails.ClaimAsync(changes.Email, reviewerId, cancellationToken))
            {
                return PoolWrite.EmailTaken;
            }

            (current.Name, current.Email, current.Role, current.Active, current.Language, current.ConflictBusinessRegistrationNumbers) =
                (changes.Name, changes.Email, changes.Role, changes.Active, changes.Language, changes.ConflictBusinessRegistrationNumbers);
            try
            {
                await Table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue; // A review was assigned or released meanwhile: apply the change to the fresh row.
            }

            if (emailChanged)
            {
                await Emails.ReleaseAsync(oldEmail, cancellationToken);
            }

            return PoolWrite.Done;
        }
    }

    /// <summary>Removes a reviewer who holds no pending review (one who does is deactivated instead, by PUT).</summary>
    public Task<PoolWrite> DeleteAsync(string reviewerId, CancellationToken cancellationToken) =>
        IdleDelete.DeleteIdleAsync(Table, Emails, ct => FindAsync(reviewerId, ct), r => r.PendingReviews > 0, r => r.Email, cancellationToken);
}
