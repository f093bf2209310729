using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Pools;

/// <summary>Removing a pool member (reviewer, expert) who holds no work, and freeing their email for another.</summary>
public static class IdleDelete
{
    /// <summary>
    /// Deletes the member under the ETag it was read with; when it changed in between (given work, or edited, a
    /// moment ago) it is read again and judged again, so a stale read never deletes a busy member nor answers 500.
    /// </summary>
    public static async Task<PoolWrite> DeleteIdleAsync<T>(
        TableClient table, PoolEmails emails, Func<CancellationToken, Task<T?>> find, Func<T, bool> busy, Func<T, string> email, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentNullException.ThrowIfNull(email);
        while (true)
        {
            var current = await find(cancellationToken);
            if (current is null)
            {
                return PoolWrite.NotFound;
            }

            if (busy(current))
            {
                return PoolWrite.Busy;
            }

            try
            {
                await table.DeleteEntityAsync(current.PartitionKey, current.RowKey, current.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                continue; // changed (or deleted by another admin) a moment ago: look again
            }

            await emails.ReleaseAsync(email(current), cancellationToken);
            return PoolWrite.Done;
        }
    }
}
