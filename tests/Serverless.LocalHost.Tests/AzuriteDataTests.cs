using Azure.Data.Tables;
using Serverless.LocalHost;
using Serverless.LocalHost.Azurite;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// One Azurite per data folder at a time. A host started again at once after a crash must not read the files before
/// the Azurite the crashed host left behind has saved them as it closes.
/// </summary>
public sealed class AzuriteDataTests : IDisposable
{
    readonly string dataPath = Path.Combine(Path.GetTempPath(), AzuriteFixture.Unique("azdata"));

    AzuriteOptions Options => new() { DataPath = dataPath, BlobPort = 0, QueuePort = 0, TablePort = 0 };

    [Fact]
    public async Task AnAzuriteStartedOnDataStillInUse_WaitsForThePreviousOneToSave_AndKeepsItsLastWrite()
    {
        var previous = await AzuriteProcess.StartAsync(Options, CancellationToken.None);
        var written = new TableClient(previous.ConnectionString, "Kept");
        await written.CreateIfNotExistsAsync();

        // The next host starts while the previous Azurite still runs (a crashed host's, still closing). Were it not
        // to wait, it would be up within these 3 s, its stores read from the files as they were.
        var next = AzuriteProcess.StartAsync(Options, CancellationToken.None);
        await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(3)));
        await written.AddEntityAsync(new TableEntity("p", "written a moment before the crash"));
        await previous.DisposeAsync();
        await using var started = await next;

        var kept = new TableClient(started.ConnectionString, "Kept");
        Assert.True((await kept.GetEntityIfExistsAsync<TableEntity>("p", "written a moment before the crash")).HasValue);
    }

    [Fact]
    public async Task ASecondAzuriteOnTheSameData_IsRefusedWithOneLineSayingWhy()
    {
        await using var running = await AzuriteProcess.StartAsync(Options, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<StartupException>(() => AzuriteProcess.StartAsync(Options, CancellationToken.None));
        Assert.Contains("Another Azurite", refused.Message, StringComparison.Ordinal);
        Assert.Contains(dataPath, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
