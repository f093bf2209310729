using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Admin;

/// <summary>
/// Gives the applications written before the firm-name index (<see cref="FirmNameIndex"/>) their name rows, once per
/// storage account: a row in Counters says it is done. It runs in the background at start, so until it has run a name
/// search can miss those older applications. Rows are upserted, so two hosts running it at once do no harm.
/// </summary>
internal sealed partial class FirmNameBackfill(WorkflowStorage storage, ILogger<FirmNameBackfill> logger) : BackgroundService
{
    const string Partition = "migrations";
    const string Row = "firm-name-index";
    static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                return;
            }
            catch (RequestFailedException e)
            {
                // Storage away at start (an outage, Azurite still starting): try again later, never stop the host.
                LogRetry(logger, e.Status, RetryAfter);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    /// <remarks>The tables exist: StorageInitializer, registered before it, has created them by the time this runs.</remarks>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if ((await storage.Counters.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ApplicationIndexEntity.All}");
        await foreach (var row in storage.ApplicationIndex.QueryAsync<ApplicationIndexEntity>(filter, cancellationToken: cancellationToken))
        {
            foreach (var partition in FirmNameIndex.Partitions(row.FirmName))
            {
                row.PartitionKey = partition; // the all row's copy under the name partition, as intake writes it
                await storage.ApplicationIndex.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            }
        }

        await storage.Counters.UpsertEntityAsync(new TableEntity(Partition, Row), TableUpdateMode.Replace, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The firm-name index backfill met storage answering {Status}; it tries again in {RetryAfter}.")]
    static partial void LogRetry(ILogger logger, int status, TimeSpan retryAfter);
}
