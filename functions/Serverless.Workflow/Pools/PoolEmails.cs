using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Pools;

/// <summary>
/// One member per email in a pool (reviewers, experts): a row keyed by the email's hash (partition <c>email</c>) is
/// claimed by insert, so two admins adding the same person at once get one member.
/// </summary>
public sealed class PoolEmails(TableClient table)
{
    const string Partition = "email";

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
            var holder = await table.GetEntityAsync<TableEntity>(Partition, claim.RowKey, cancellationToken: cancellationToken);
            return holder.Value.GetString("MemberId") == memberId;
        }
    }

    public async Task ReleaseAsync(string email, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(Partition, Key(email), ETag.All, cancellationToken);

    static string Key(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
