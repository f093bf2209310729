using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Admin;

/// <summary>One event of an orchestration's history, as the admin detail shows it.</summary>
public sealed record HistoryEvent(DateTimeOffset Timestamp, string EventType, string? Name);

/// <summary>
/// Reads an instance's history from the Azure Storage provider's own History table (<c>{TaskHub}History</c>,
/// partition the instance id): the Durable Task client offers no call for it.
/// </summary>
public sealed class OrchestrationHistory(IConfiguration configuration)
{
    readonly Lazy<TableClient?> table = new(() => HistoryTable(configuration));

    public async Task<IReadOnlyList<HistoryEvent>> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (table.Value is not { } history)
        {
            return [];
        }

        var events = new List<HistoryEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in history.QueryAsync<TableEntity>(filter, select: ["EventType", "Name", "_Timestamp", "Timestamp"], cancellationToken: cancellationToken))
        {
            if (row.GetString("EventType") is { } type)
            {
                events.Add(new HistoryEvent(row.GetDateTimeOffset("_Timestamp") ?? row.Timestamp ?? DateTimeOffset.MinValue, type, row.GetString("Name")));
            }
        }

        return events;
    }

    /// <summary>
    /// The engine's History table: the local host's Durable section (a connection string), or the Functions host's own
    /// storage settings, by connection string or, in Azure, by service URI with the app's managed identity.
    /// </summary>
    static TableClient? HistoryTable(IConfiguration configuration)
    {
        var durable = configuration.GetSection(DurableOptions.Section).Get<DurableOptions>() ?? new DurableOptions();
        var name = (configuration["TASKHUB_NAME"] ?? durable.TaskHub) + "History";
        var connection = durable.ConnectionString ?? configuration["AzureWebJobsStorage"] ?? configuration["Storage:ConnectionString"];
        if (!string.IsNullOrEmpty(connection))
        {
            return new TableServiceClient(connection).GetTableClient(name);
        }

        return configuration["AzureWebJobsStorage:tableServiceUri"] is { Length: > 0 } uri
            ? new TableServiceClient(new Uri(uri), new DefaultAzureCredential()).GetTableClient(name)
            : null;
    }
}
