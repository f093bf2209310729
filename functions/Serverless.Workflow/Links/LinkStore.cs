using Azure;
using Azure.Data.Tables;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Links;

/// <summary>The decision that stands for a step, and whether the claim that asked made it.</summary>
public sealed record DecisionClaim(string Decision, bool First);

/// <summary>What an emailed link is for, and until when.</summary>
public sealed record LinkGrant(
    string ApplicationId, LinkPurpose Purpose, string Actor, string Language, int Round, string TaskId, DateTimeOffset? ExpiresAt);

/// <summary>
/// Emailed single-use links (docs/architecture.md, Links and access). The token's row (partition = its hash) is the truth;
/// each application's partition <c>app:{id}</c> holds a pointer to every link it issued, so its links can be listed
/// and revoked without a scan, and one claim row per step, so the first decision of a step is the only one.
/// </summary>
public sealed class LinkStore(WorkflowStorage storage, TimeProvider time)
{
    TableClient Table => storage.Links;

    /// <summary>A new link; earlier links of the same step to the same recipient are revoked (a reminder replaces them).</summary>
    public async Task<string> IssueAsync(LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var token = Tokens.New();
        var link = new LinkEntity
        {
            PartitionKey = Tokens.Hash(token),
            Purpose = grant.Purpose.ToString(),
            ApplicationId = grant.ApplicationId,
            Actor = grant.Actor,
            Language = grant.Language,
            Round = grant.Round,
            TaskId = grant.TaskId,
            IssuedAt = time.GetUtcNow(),
            ExpiresAt = grant.ExpiresAt,
        };

        await AddAsync(link, cancellationToken);
        await RevokeAsync(grant.ApplicationId, l => l.Step == link.Step && l.Actor == link.Actor && l.PartitionKey != link.PartitionKey, cancellationToken);
        return token;
    }

    /// <summary>
    /// Stores a new link's row, after a pointer to it in its application's partition: a link that exists can always be
    /// found, and so revoked, from its application.
    /// </summary>
    public async Task AddAsync(LinkEntity link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        await Table.AddEntityAsync(new TableEntity(ApplicationPartition(link.ApplicationId), PointerRow(link.PartitionKey)), cancellationToken);
        await Table.AddEntityAsync(link, cancellationToken);
    }

    /// <summary>The link a token opens, used or not; null for a malformed or unknown token.</summary>
    public async Task<LinkEntity?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Tokens.IsWellFormed(token))
        {
            return null;
        }

        return await FindHashAsync(Tokens.Hash(token!), cancellationToken);
    }

    /// <summary>A link as it stands now, by its hash (the row key of <see cref="LinkEntity"/>).</summary>
    public async Task<LinkEntity?> FindHashAsync(string hash, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<LinkEntity>(hash, LinkEntity.Row, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Every link the application issued, newest last.</summary>
    public async Task<IReadOnlyList<LinkEntity>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        var links = new List<LinkEntity>();
        var partition = ApplicationPartition(applicationId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PointerPrefix} and RowKey lt {PointerEnd}");
        await foreach (var pointer in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (await FindHashAsync(pointer.RowKey[PointerPrefix.Length..], cancellationToken) is { } link)
            {
                links.Add(link);
            }
        }

        return [.. links.OrderBy(l => l.IssuedAt)];
    }

    /// <summary>Revokes the application's live links that match; a link used meanwhile stays used.</summary>
    public async Task<int> RevokeAsync(string applicationId, Func<LinkEntity, bool> which, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(which);
        var now = time.GetUtcNow();
        var revoked = 0;
        foreach (var link in await ListAsync(applicationId, cancellationToken))
        {
            if (!link.IsLive(now) || !which(link))
            {
                continue;
            }

            link.RevokedAt = now;
            try
            {
                await Table.UpdateEntityAsync(link, link.ETag, TableUpdateMode.Replace, cancellationToken);
                revoked++;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Used or revoked by someone else a moment ago: either way it opens nothing any more.
            }
        }

        return revoked;
    }

    /// <summary>
    /// Claims the decision of the link's step for this link. <see cref="DecisionClaim.Decision"/> is the decision that
    /// stands: this one when the link is the first to decide, or the one recorded before (by this link or another).
    /// </summary>
    public async Task<DecisionClaim> ClaimDecisionAsync(LinkEntity link, string decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var claim = new TableEntity(ApplicationPartition(link.ApplicationId), "decided:" + link.Step)
        {
            ["LinkHash"] = link.PartitionKey,
            ["Decision"] = decision,
        };
        try
        {
            await Table.AddEntityAsync(claim, cancellationToken);
            return new DecisionClaim(decision, First: true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var standing = (await Table.GetEntityAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken)).Value;
            return new DecisionClaim(standing.GetString("Decision"), First: false);
        }
    }

    /// <summary>
    /// Claims the link itself for one use: a decision, or a recusal (<see cref="IRecusable"/>), whichever comes first.
    /// Returns the use that stands, and whether this claim made it.
    /// </summary>
    public async Task<(string Use, bool First)> ClaimUseAsync(LinkEntity link, string use, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var claim = new TableEntity(ApplicationPartition(link.ApplicationId), "use:" + link.PartitionKey) { ["Use"] = use };
        try
        {
            await Table.AddEntityAsync(claim, cancellationToken);
            return (use, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var standing = (await Table.GetEntityAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken)).Value;
            return (standing.GetString("Use"), false);
        }
    }

    /// <summary>
    /// Marks the link used once its decision is claimed and delivered. A merge, not an ETag update: the step may have
    /// closed and revoked it in between (the decision it delivered closed it), and it was used all the same.
    /// </summary>
    public async Task MarkUsedAsync(LinkEntity link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        link.UsedAt = time.GetUtcNow();
        await Table.UpdateEntityAsync(
            new TableEntity(link.PartitionKey, LinkEntity.Row) { [nameof(LinkEntity.UsedAt)] = link.UsedAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    const string PointerPrefix = "link:";
    const string PointerEnd = "link;";

    static string ApplicationPartition(string applicationId) => "app:" + applicationId;

    static string PointerRow(string hash) => PointerPrefix + hash;
}
