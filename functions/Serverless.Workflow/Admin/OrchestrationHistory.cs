using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Serverless.Workflow.Orchestration;

namespace Serverless.Workflow.Admin;

/// <summary>
/// One event of an orchestration's history, as the admin detail shows it: the task or event it concerns (a completion
/// or failure is named after the task it answers) and, for a failure, the engine's reason.
/// </summary>
public sealed record HistoryEvent(DateTimeOffset Timestamp, string EventType, string? Name, string? Failure);

/// <summary>
/// Reads an instance's history from the Azure Storage provider's own History table (<c>{TaskHub}History</c>,
/// partition the instance id): the Durable Task client offers no call for it.
/// </summary>
public sealed class OrchestrationHistory(IConfiguration configuration)
{
    /// <summary>A failure's reason as shown: enough to see what broke; the details stay in the engine's table.</summary>
    const int MaxFailureLength = 300;

    readonly Lazy<TableClient?> table = new(() => HistoryTable(configuration));

    public async Task<IReadOnlyList<HistoryEvent>> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (table.Value is not { } history)
        {
            return [];
        }

        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        var columns = new[] { "EventType", "Name", "EventId", "TaskScheduledId", "ExecutionId", "Reason", "_Timestamp", "Timestamp" };
        await foreach (var row in history.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: cancellationToken))
        {
            if (row.GetString("EventType") is not null)
            {
                rows.Add(row);
            }
        }

        // A TaskCompleted or TaskFailed row carries no name, only the EventId of the TaskScheduled it answers (within
        // its execution): name it after that task, so the history reads as what ran.
        var scheduled = rows
            .Where(r => r.GetString("Name") is not null && r.GetInt32("EventId") is >= 0)
            .GroupBy(r => (r.GetString("ExecutionId"), r.GetInt32("EventId")))
            .ToDictionary(g => g.Key, g => g.First().GetString("Name"));
        return [.. rows.Select(row => new HistoryEvent(
            row.GetDateTimeOffset("_Timestamp") ?? row.Timestamp ?? DateTimeOffset.MinValue,
            row.GetString("EventType"),
            row.GetString("Name") ?? (row.GetInt32("TaskScheduledId") is { } id ? scheduled.GetValueOrDefault((row.GetString("ExecutionId"), id)) : null),
            row.GetString("Reason") is { } reason ? reason[..Math.Min(reason.Length, MaxFailureLength)] : null))];
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
