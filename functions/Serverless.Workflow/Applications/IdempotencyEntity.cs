using Azure;
using Azure.Data.Tables;

namespace Serverless.Workflow.Applications;

/// <summary>
/// A submission made with an Idempotency-Key (row key: the key's SHA-256). It is written before anything else, so a
/// retry finds the application id and receipt number the first attempt chose and finishes its work.
/// </summary>
public sealed class IdempotencyEntity : ITableEntity
{
    public const string Row = "key";

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RequestHash { get; set; } = "";

    public string ApplicationId { get; set; } = "";

    public string? ReceiptNumber { get; set; }

    public bool Completed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
