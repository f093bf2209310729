using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace Serverless.Workflow.Storage;

/// <summary>The tables and the blob container of docs/architecture.md (Business storage), named with the configured prefix.</summary>
public sealed class WorkflowStorage(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    readonly string prefix = options.Value.TablePrefix;

    public TableClient Applications => Table("Applications");

    public TableClient ApplicationEvents => Table("ApplicationEvents");

    public TableClient ApplicationIndex => Table("ApplicationIndex");

    public TableClient Links => Table("Links");

    public TableClient Idempotency => Table("Idempotency");

    public TableClient Outbox => Table("Outbox");

    /// <summary>The reviewer pool and its email claims.</summary>
    public TableClient Reviewers => Table("Reviewers");

    /// <summary>The expert pool, its email claims and the experts' task holds.</summary>
    public TableClient Experts => Table("Experts");

    /// <summary>Each task's matching, engagement and report (partition the application, row the task).</summary>
    public TableClient Assignments => Table("Assignments");

    /// <summary>Calls for applications: each programme's windows and budgets, with a guard row per programme.</summary>
    public TableClient Calls => Table("Calls");

    /// <summary>Sequence counters (receipt numbers), ETag-guarded.</summary>
    public TableClient Counters => Table("Counters");

    public BlobContainerClient Documents => blobs.GetBlobContainerClient((prefix + "applications").ToLowerInvariant());

    IEnumerable<TableClient> AllTables => [Applications, ApplicationIndex, ApplicationEvents, Links, Idempotency, Outbox, Counters, Reviewers, Experts, Assignments, Calls];

    public TableClient Table(string name) => tables.GetTableClient(prefix + name);

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var table in AllTables)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }

        await Documents.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }
}
