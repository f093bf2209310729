using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Review;

/// <summary>What became of a write to the reviewer pool.</summary>
public enum ReviewerWrite
{
    Done,
    NotFound,
    EmailTaken,
    HasPendingReviews,
}

/// <summary>
/// The reviewer pool in the Reviewers table. An email belongs to one reviewer: a row keyed by the email's hash
/// (partition <c>email</c>) is claimed by insert, so two admins adding the same person at once get one reviewer.
/// </summary>
public sealed class ReviewerStore(WorkflowStorage storage)
{
    const string EmailPartition = "email";

    TableClient Table => storage.Reviewers;

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

    public async Task<ReviewerWrite> CreateAsync(ReviewerEntity reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (!await ClaimEmailAsync(reviewer.Email, reviewer.RowKey, cancellationToken))
        {
            return ReviewerWrite.EmailTaken;
        }

        await Table.AddEntityAsync(reviewer, cancellationToken);
        return ReviewerWrite.Done;
    }

    /// <summary>
    /// Replaces what admins may change; the pending-review count stays the workflow's (re-read when the workflow
    /// changed it in between).
    /// </summary>
    public async Task<ReviewerWrite> UpdateAsync(string reviewerId, ReviewerEntity changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        while (true)
        {
            var current = await FindAsync(reviewerId, cancellationToken);
            if (current is null)
            {
                return ReviewerWrite.NotFound;
            }

            var oldEmail = current.Email;
            var emailChanged = !string.Equals(oldEmail, changes.Email, StringComparison.OrdinalIgnoreCase);
            if (emailChanged && !await ClaimEmailAsync(changes.Email, reviewerId, cancellationToken))
            {
                return ReviewerWrite.EmailTaken;
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
                await Table.DeleteEntityAsync(EmailPartition, EmailKey(oldEmail), ETag.All, cancellationToken);
            }

            return ReviewerWrite.Done;
        }
    }

    /// <summary>Removes a reviewer who holds no pending review (one who does is deactivated instead, by PUT).</summary>
    public async Task<ReviewerWrite> DeleteAsync(string reviewerId, CancellationToken cancellationToken)
    {
        var current = await FindAsync(reviewerId, cancellationToken);
        if (current is null)
        {
            return ReviewerWrite.NotFound;
        }

        if (current.PendingReviews > 0)
        {
            return ReviewerWrite.HasPendingReviews;
        }

        await Table.DeleteEntityAsync(ReviewerEntity.Partition, reviewerId, current.ETag, cancellationToken);
        await Table.DeleteEntityAsync(EmailPartition, EmailKey(current.Email), ETag.All, cancellationToken);
        return ReviewerWrite.Done;
    }

    /// <summary>True when the email is now this reviewer's (newly claimed, or already theirs).</summary>
    async Task<bool> ClaimEmailAsync(string email, string reviewerId, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(EmailPartition, EmailKey(email)) { ["ReviewerId"] = reviewerId };
        try
        {
            await Table.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var holder = await Table.GetEntityAsync<TableEntity>(EmailPartition, claim.RowKey, cancellationToken: cancellationToken);
            return holder.Value.GetString("ReviewerId") == reviewerId;
        }
    }

    static string EmailKey(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
