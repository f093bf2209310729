using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Pools;

/// <summary>
/// One member per email in a pool (reviewers, experts): a row keyed by the email's hash (partition <c>email</c>) is
/// claimed by insert, so two admins adding the same person at once get one member. The claim is written before the
/// member, so a claim whose member never came (the second write failed, the host died) is taken over once it is
/// older than any write in progress could be.
/// </summary>
public sealed class PoolEmails(TableClient table, string memberPartition)
{
    const string Partition = "email";

    /// <summary>Far longer than a member's write takes: a claim this old without its member is an orphan.</summary>
    static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(1);

    /// <summary>True when the email is now this member's (newly claimed, or already theirs).</summary>
    public async Task<bool> ClaimAsync(string email, string memberId, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(Partition, Key(email)) { ["MemberId"] = memberId };
        try
        {
            await table.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var holder = (await table.GetEntityAsync<TableEntity>(Partition, claim.RowKey, cancellationToken: cancellationToken)).Value;
            if (holder.GetString("MemberId") == memberId)
            {
                return true;
            }

            return await IsOrphanAsync(holder, cancellationToken) && await TakeOverAsync(holder, claim, cancellationToken);
        }
    }

    async Task<bool> IsOrphanAsync(TableEntity holder, CancellationToken cancellationToken) =>
        DateTimeOffset.UtcNow - holder.Timestamp > OrphanAfter
        && !(await table.GetEntityIfExistsAsync<TableEntity>(memberPartition, holder.GetString("MemberId"), ["RowKey"], cancellationToken)).HasValue;

    async Task<bool> TakeOverAsync(TableEntity holder, TableEntity claim, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(claim, holder.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false; // another admin took it over a moment ago
        }
    }

    public async Task ReleaseAsync(string email, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(Partition, Key(email), ETag.All, cancellationToken);

    static string Key(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
