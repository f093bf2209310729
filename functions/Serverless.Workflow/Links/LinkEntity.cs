using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Links;

/// <summary>A row of the Links table, keyed by the token's SHA-256; the token itself is never stored.</summary>
public sealed class LinkEntity : ITableEntity
{
    public const string Row = "link";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Purpose { get; set; } = "";

    public string ApplicationId { get; set; } = "";

    public string Actor { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
