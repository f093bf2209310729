using Azure.Data.Tables;
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
    public async Task<IReadOnlyList<HistoryEvent>> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        // The engine's storage and task hub: the local host's Durable section, or the Functions host's own settings.
        var durable = configuration.GetSection(DurableOptions.Section).Get<DurableOptions>() ?? new DurableOptions();
        var connection = durable.ConnectionString ?? configuration["AzureWebJobsStorage"] ?? configuration["Storage:ConnectionString"];
        if (string.IsNullOrEmpty(connection))
        {
            return [];
        }

        var table = new TableServiceClient(connection).GetTableClient((configuration["TASKHUB_NAME"] ?? durable.TaskHub) + "History");
        var events = new List<HistoryEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["EventType", "Name", "_Timestamp", "Timestamp"], cancellationToken: cancellationToken))
        {
            if (row.GetString("EventType") is { } type)
            {
                events.Add(new HistoryEvent(row.GetDateTimeOffset("_Timestamp") ?? row.Timestamp ?? DateTimeOffset.MinValue, type, row.GetString("Name")));
            }
        }

        return events;
    }
}
