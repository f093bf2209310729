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

    /// <summary>Counter rows as this host last wrote them (guarded by <see cref="local"/>).</summary>
    readonly Dictionary<string, TableEntity> known = [];

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

    /// <summary>
    /// Adds one to the counter row under its ETag. The row as this host last wrote it is kept, so the usual case is
    /// one conditional write; only when another host wrote in between (412) is the row read again.
    /// </summary>
    async Task<long> IncrementAsync(string counter, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = known.GetValueOrDefault(counter) ?? await ReadAsync(counter, cancellationToken);
            try
            {
                if (row is null)
                {
                    row = new TableEntity(Partition, counter) { ["Value"] = 1L };
                    row.ETag = (await storage.Counters.AddEntityAsync(row, cancellationToken)).Headers.ETag ?? ETag.All;
                }
                else
                {
                    row["Value"] = row.GetInt64("Value")!.Value + 1;
                    row.ETag = (await storage.Counters.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? ETag.All;
                }

                known[counter] = row;
                return row.GetInt64("Value")!.Value;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another host took the next number: read the row again and take the one after.
                known.Remove(counter);
            }
            catch
            {
                // The write may or may not have happened: forget the row so the next call reads the truth.
                known.Remove(counter);
                throw;
            }
        }
    }

    async Task<TableEntity?> ReadAsync(string counter, CancellationToken cancellationToken)
    {
        var current = await storage.Counters.GetEntityIfExistsAsync<TableEntity>(Partition, counter, cancellationToken: cancellationToken);
        return current.HasValue ? current.Value : null;
    }
}
