using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Admin;

/// <summary>One event of an orchestration's history, as the admin detail shows it.</summary>
public sealed record HistoryEvent(DateTimeOffset Timestamp, string EventType, string? Name);

/// <summary>
/// Reads an instance's history from the Azure Storage provider's own History table (<c>{TaskHub}History</c>,
/// partition the instance id): the Durable Task client offers no call for it.
/// </summary>
public sealed class OrchestrationHistory(IOptions<DurableOptions> durable, IConfiguration configuration)
{
    public async Task<IReadOnlyList<HistoryEvent>> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        // The engine's storage: its own connection locally, the Functions host's storage in Azure.
        var connection = durable.Value.ConnectionString ?? configuration["AzureWebJobsStorage"] ?? configuration["Storage:ConnectionString"];
        if (string.IsNullOrEmpty(connection))
        {
            return [];
        }

        var table = new TableServiceClient(connection).GetTableClient(durable.Value.TaskHub + "History");
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
