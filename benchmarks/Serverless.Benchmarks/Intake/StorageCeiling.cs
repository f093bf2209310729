using System.Diagnostics;
using Azure.Data.Tables;

namespace Serverless.Benchmarks.Intake;

/// <summary>
/// The storage's own ceiling on this machine: single-entity inserts into one table from concurrent writers, each row
/// a partition of its own (as an application's rows are), on the Azurite the host uses, while the host is idle.
/// </summary>
internal static class StorageCeiling
{
    public static async Task<double> WritesPerSecondAsync(string connectionString, int writers, TimeSpan duration)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("benchceiling" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var payload = new string('x', 2000); // about the size of an application's row
        var writes = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                await table.AddEntityAsync(new TableEntity($"{writer:D2}-{i:D8}", "row") { ["Payload"] = payload });
                Interlocked.Increment(ref writes);
            }
        }));
        var perSecond = writes / clock.Elapsed.TotalSeconds;
        await table.DeleteAsync();
        return perSecond;
    }
}
