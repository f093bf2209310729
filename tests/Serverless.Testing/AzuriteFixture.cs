using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Serverless.LocalHost;
using Serverless.LocalHost.Azurite;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Testing;

/// <summary>
/// One in-memory Azurite per test assembly, on free ports of its own, started from the repository's node_modules.
/// Tests keep apart by table prefix and task hub (<see cref="Unique"/>), never by cleaning up each other's data.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    AzuriteProcess? azurite;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { InMemory = true, BlobPort = 0, QueuePort = 0, TablePort = 0 },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>The workflow's storage on this Azurite, under a table prefix of its own unless one is given.</summary>
    public WorkflowStorage Storage(string? tablePrefix = null) => new(
        new TableServiceClient(ConnectionString),
        new BlobServiceClient(ConnectionString),
        Options.Create(new StorageOptions { ConnectionString = ConnectionString, TablePrefix = tablePrefix ?? Unique() }));

    /// <summary>A name no other test uses: letters and digits, valid as a table prefix and a task hub.</summary>
    public static string Unique(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..10];
}
