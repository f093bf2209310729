using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Pools;

/// <summary>
/// A pool of people in one partition of its table (experts, reviewers); an email belongs to one member
/// (<see cref="PoolEmails"/>). Rows from <paramref name="firstOtherRow"/> on in the same partition are the workflow's
/// (hold rows, review assignments), not members.
/// </summary>
public abstract class PoolStore<TMember>(TableClient table, string partition, string firstOtherRow)
    where TMember : PoolMemberEntity<TMember>, new()
{
    PoolEmails Emails => new(table, partition);

    /// <summary>The member rows, with their ETags.</summary>
    public async Task<IReadOnlyList<TMember>> ListAsync(CancellationToken cancellationToken)
    {
        var members = new List<TMember>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {firstOtherRow}");
        await foreach (var row in table.QueryAsync<TMember>(filter, cancellationToken: cancellationToken))
        {
            members.Add(row);
        }

        return members;
    }

    public async Task<TMember?> FindAsync(string memberId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TMember>(partition, memberId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Adds the member under its email's claim; written as a replace so that a retried seed writes the same row.</summary>
    public async Task<PoolWrite> CreateAsync(TMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!await Emails.ClaimAsync(member.Email, member.RowKey, cancellationToken))
        {
            return PoolWrite.EmailTaken;
        }

        await table.UpsertEntityAsync(member, TableUpdateMode.Replace, cancellationToken);
        return PoolWrite.Done;
    }

    /// <summary>Replaces what admins may change; the workflow's counts stay (re-read when they moved in between).</summary>
    public async Task<PoolWrite> UpdateAsync(string memberId, TMember changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        while (true)
        {
            var current = await FindAsync(memberId, cancellationToken);
            if (current is null)
            {
                return PoolWrite.NotFound;
            }

            var oldEmail = current.Email;
            var emailChanged = !string.Equals(oldEmail, changes.Email, StringComparison.OrdinalIgnoreCase);
            if (emailChanged && !await Emails.ClaimAsync(changes.Email, memberId, cancellationToken))
            {
                return PoolWrite.EmailTaken;
            }

            (changes.PartitionKey, changes.RowKey) = (partition, memberId);
            changes.KeepWorkflowCountsOf(current);
            try
            {
                await table.UpdateEntityAsync(changes, current.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue; // Work was given or taken back meanwhile: apply the change to the fresh row.
            }

            if (emailChanged)
            {
                await Emails.ReleaseAsync(oldEmail, cancellationToken);
            }

            return PoolWrite.Done;
        }
    }

    /// <summary>
    /// Removes a member who holds no work, under the ETag it was read with; when it changed in between (given work,
    /// or edited, a moment ago) it is read and judged again, so a stale read never deletes a busy member nor answers 500.
    /// </summary>
    public async Task<PoolWrite> DeleteAsync(string memberId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await FindAsync(memberId, cancellationToken);
            if (current is null)
            {
                return PoolWrite.NotFound;
            }

            if (current.HoldsWork())
            {
                return PoolWrite.Busy;
            }

            try
            {
                await table.DeleteEntityAsync(partition, memberId, current.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                continue; // changed (or deleted by another admin) a moment ago: look again
            }

            await Emails.ReleaseAsync(current.Email, cancellationToken);
            return PoolWrite.Done;
        }
    }
}
