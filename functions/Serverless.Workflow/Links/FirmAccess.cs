using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Links;

/// <summary>The firm's bearer token for its own application, issued at submission.</summary>
public sealed class FirmAccess(WorkflowStorage storage, TimeProvider time)
{
    public const string Purpose = "FirmAccess";

    public async Task<string> IssueAsync(string applicationId, CancellationToken cancellationToken)
    {
        var token = Tokens.New();
        await storage.Links.AddEntityAsync(new LinkEntity
        {
            PartitionKey = Tokens.Hash(token),
            Purpose = Purpose,
            ApplicationId = applicationId,
            Actor = "firm",
            IssuedAt = time.GetUtcNow(),
        }, cancellationToken);
        return token;
    }

    /// <summary>True only for a live firm token of exactly this application.</summary>
    public async Task<bool> AllowsAsync(string token, string applicationId, CancellationToken cancellationToken)
    {
        if (!Tokens.IsWellFormed(token))
        {
            return false;
        }

        var link = await storage.Links.GetEntityIfExistsAsync<LinkEntity>(Tokens.Hash(token), LinkEntity.Row, cancellationToken: cancellationToken);
        return link.HasValue
            && link.Value!.Purpose == Purpose
            && link.Value.ApplicationId == applicationId
            && link.Value.RevokedAt is null;
    }
}
