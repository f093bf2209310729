using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Links;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Applications;

/// <summary>
/// At most <see cref="IntakeOptions.MaxApplicationsPerEmailPerDay"/> new applications, and so receipt mails, to one
/// address a day (Korea time), so that the open form cannot be used to flood someone's inbox. One row per application
/// in Counters, partition <c>receipts-{date}-{the address's hash}</c> (no address is kept), row key the application:
/// a retry of the same application counts once. Submissions racing for the last place may pass it by one or two.
/// </summary>
public sealed class ReceiptMailLimit(WorkflowStorage storage, IOptions<IntakeOptions> options, TimeProvider time)
{
    /// <returns>True when this application may mail the address (and it is counted); false past the day's limit.</returns>
    public async Task<bool> TryCountAsync(string email, string applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var partition = $"receipts-{KoreaTime.Today(time):yyyy-MM-dd}-{Tokens.Hash(email.ToUpperInvariant())}";
        var counted = new List<string>();
        await foreach (var row in storage.Counters.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            counted.Add(row.RowKey);
        }

        if (counted.Contains(applicationId))
        {
            return true;
        }

        if (counted.Count >= options.Value.MaxApplicationsPerEmailPerDay)
        {
            return false;
        }

        try
        {
            await storage.Counters.AddEntityAsync(new TableEntity(partition, applicationId), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A retry of the same application counted it a moment ago.
        }

        return true;
    }
}
