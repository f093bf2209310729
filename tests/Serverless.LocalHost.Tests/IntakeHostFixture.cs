using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Serverless.Testing;
using Serverless.Workflow.Storage;
using Serverless.Workflow.Links;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// One local host for the intake tests, on an Azurite of its own, with the tables it writes in reach of the tests,
/// so they can check that refused requests leave nothing behind.
/// </summary>
public class IntakeHostFixture : IAsyncLifetime
{
    readonly AzuriteFixture azurite = new();
    Dictionary<string, string> settings = [];

    public const string AdminKey = "test-admin-key-8f1c2a";

    public LocalHostProcess Host { get; private set; } = null!;

    /// <summary>Settings of this fixture's host besides the isolated storage and the admin key.</summary>
    protected virtual IEnumerable<(string Key, string Value)> HostSettings => [];

    /// <summary>Whether the host's programmes get an open call to apply in (<see cref="StandingCall"/>).</summary>
    protected virtual bool OpensStandingCall => true;

    public virtual async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        settings = LocalHostProcess.IsolatedSettings(azurite, [("LocalHost:AdminKey", AdminKey), .. HostSettings]);
        Host = await LocalHostProcess.StartAsync(settings, OpensStandingCall);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await azurite.DisposeAsync();
    }

    /// <summary>The prefix of this host's table and container names.</summary>
    public string TablePrefix => settings["Storage:TablePrefix"];

    /// <summary>The engine's task hub, the prefix of its queue and table names.</summary>
    public string TaskHub => settings["Durable:TaskHub"];

    public TableClient Table(string name) => new TableServiceClient(azurite.ConnectionString).GetTableClient(settings["Storage:TablePrefix"] + name);

    /// <summary>The engine's own table of orchestration instances in this host's task hub.</summary>
    public TableClient Instances => new TableServiceClient(azurite.ConnectionString).GetTableClient(settings["Durable:TaskHub"] + "Instances");

    /// <summary>The workflow's own view of this host's storage, for writing state as the workflow would.</summary>
    public WorkflowStorage Storage => azurite.Storage(settings["Storage:TablePrefix"]);

    public BlobContainerClient Documents =>
        new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient((settings["Storage:TablePrefix"] + "applications").ToLowerInvariant());

    /// <summary>
    /// How many applications, firm slots, keys, tokens, receipt counters, orchestrations and blobs exist: what a refused
    /// request must not change. (Status index rows and stats counters are left out: running workflows of other tests
    /// move them.)
    /// </summary>
    public async Task<string> StoredStateAsync()
    {
        var counts = new List<string>
        {
            $"index={await CountAsync(Table("ApplicationIndex").QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {"all"} or (PartitionKey ge {"open:"} and PartitionKey lt {"open;"})"),
                select: ["PartitionKey"]))}",
        };
        foreach (var table in new[] { Table("Applications"), Table("Idempotency"), Instances })
        {
            counts.Add($"{table.Name}={await CountAsync(table.QueryAsync<TableEntity>(select: ["PartitionKey"]))}");
        }

        // Access tokens only: the workflows still running issue personal links with the mails they send.
        counts.Add($"accessTokens={await CountAsync(Table("Links").QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"Purpose eq {FirmAccess.Purpose}"), select: ["PartitionKey"]))}");

        // Receipt counters only: the stats partition moves with every running workflow, as the status rows do.
        counts.Add($"receiptCounters={await CountAsync(Table("Counters").QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey ne {"stats"}"), select: ["PartitionKey"]))}");

        counts.Add($"blobs={await CountAsync(Documents.GetBlobsAsync())}");
        return string.Join(", ", counts);
    }

    static async Task<int> CountAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }
}
