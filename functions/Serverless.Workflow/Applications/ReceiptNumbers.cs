using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Serverless.Workflow.Storage;

namespace Serverless.Workflow.Applications;

/// <summary>
/// Receipt numbers (GS-2026-00017): sequential per programme and Korean calendar year, from an ETag-guarded counter
/// row, so concurrent submissions on any number of hosts get distinct numbers without gaps.
/// </summary>
public sealed class ReceiptNumbers(WorkflowStorage storage, IOptions<IntakeOptions> options) : IDisposable
{
    const string Partition = "receipt";

    // Within one host, submissions queue here instead of racing each other on the ETag; across hosts the ETag decides.
    readonly SemaphoreSlim local = new(1, 1);

    public async Task<string> NextAsync(string programme, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        var year = KoreaTime.DateOf(submittedAt).Year;
        var prefix = options.Value.Programmes[programme];
        await local.WaitAsync(cancellationToken);
        try
        {
            var value = await IncrementAsync($"{programme}-{year}", cancellationToken);
            return $"{prefix}-{year}-{value:D5}";
        }
        finally
        {
            local.Release();
        }
    }

    public void Dispose() => local.Dispose();

    async Task<long> IncrementAsync(string counter, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await storage.Counters.GetEntityIfExistsAsync<TableEntity>(Partition, counter, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await storage.Counters.AddEntityAsync(new TableEntity(Partition, counter) { ["Value"] = 1L }, cancellationToken);
                    return 1;
                }

                var next = current.Value!.GetInt64("Value")!.Value + 1;
                current.Value["Value"] = next;
                await storage.Counters.UpdateEntityAsync(current.Value, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another host took this number first: read again and take the next one.
            }
        }
    }
}
