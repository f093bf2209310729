using Azure.Data.Tables;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Storage;

/// <summary>The projection writes against real Table storage (Azurite).</summary>
[Collection(AzuriteTests.Name)]
public sealed class ApplicationStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    static readonly DateTimeOffset SubmittedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    readonly WorkflowStorage storage = azurite.Storage();

    ApplicationStore Store => new(storage);

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ApplyStatus_RetriedByTheEngine_LeavesOneAuditEntryAndTheNewStatus()
    {
        var id = await CreateAsync();
        var change = new StatusChange(id, ApplicationStatus.AwaitingDocuments, 0, SubmittedAt.AddSeconds(1));

        await Store.ApplyStatusAsync(change, CancellationToken.None);
        await Store.ApplyStatusAsync(change, CancellationToken.None);

        var application = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(ApplicationStatus.AwaitingDocuments, application!.CurrentStatus);
        Assert.Equal(ApplicationStage.Screening.ToString(), application.Stage);
        var events = await Store.EventsAsync(id, CancellationToken.None);
        Assert.Single(events, e => e.ToStatus == nameof(ApplicationStatus.AwaitingDocuments));
    }

    [Theory]
    [InlineData(ApplicationStatus.Terminated)]
    [InlineData(ApplicationStatus.Completed)]
    [InlineData(ApplicationStatus.Failed)]
    public async Task ApplyStatus_AfterATerminalStatus_ChangesNothing_HoweverLateItsTime(ApplicationStatus end)
    {
        var id = await CreateAsync();
        await Store.ApplyStatusAsync(new StatusChange(id, end, 0, SubmittedAt.AddSeconds(1), "admin's reason"), CancellationToken.None);

        // A step already on its way when the application ended, timed after the end.
        await Store.ApplyStatusAsync(new StatusChange(id, ApplicationStatus.AwaitingReview, 0, SubmittedAt.AddSeconds(5)), CancellationToken.None);

        var application = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(end, application!.CurrentStatus);
        Assert.DoesNotContain(await Store.EventsAsync(id, CancellationToken.None), e => e.ToStatus == nameof(ApplicationStatus.AwaitingReview));
        Assert.Empty(await IndexRowsAsync("status:AwaitingReview", id));
    }

    /// <summary>After a crash the engine can schedule a status step again from a replayed episode, under a new time.</summary>
    [Fact]
    public async Task ApplyStatus_TheSameChangeAgainUnderALaterTime_LeavesOneAuditEntry()
    {
        var id = await CreateAsync();
        await Store.ApplyStatusAsync(new StatusChange(id, ApplicationStatus.Diagnosed, 0, SubmittedAt.AddSeconds(1)), CancellationToken.None);

        await Store.ApplyStatusAsync(new StatusChange(id, ApplicationStatus.Diagnosed, 0, SubmittedAt.AddSeconds(9)), CancellationToken.None);

        var events = await Store.EventsAsync(id, CancellationToken.None);
        Assert.Equal("Submitted", Assert.Single(events, e => e.ToStatus == nameof(ApplicationStatus.Diagnosed)).FromStatus);
    }

    /// <summary>Two tasks nobody took are two entries: the same status, each with its own note.</summary>
    [Fact]
    public async Task ApplyStatus_TheSameStatusWithAnotherNote_IsAnotherAuditEntry()
    {
        var id = await CreateAsync();
        await Store.ApplyStatusAsync(new StatusChange(id, ApplicationStatus.Unmatched, 0, SubmittedAt.AddSeconds(1), "T1"), CancellationToken.None);

        await Store.ApplyStatusAsync(new StatusChange(id, ApplicationStatus.Unmatched, 0, SubmittedAt.AddSeconds(2), "T2"), CancellationToken.None);

        var events = await Store.EventsAsync(id, CancellationToken.None);
        Assert.Equal(["T1", "T2"], events.Where(e => e.ToStatus == nameof(ApplicationStatus.Unmatched)).Select(e => e.Note));
    }

    [Fact]
    public async Task ApplyStatus_AnOlderChangeReplayedLate_DoesNotOverwriteTheNewerStatus()
    {
        var id = await CreateAsync();
        var older = new StatusChange(id, ApplicationStatus.AwaitingDocuments, 0, SubmittedAt.AddSeconds(1));
        var newer = new StatusChange(id, ApplicationStatus.Expired, 0, SubmittedAt.AddSeconds(2));

        await Store.ApplyStatusAsync(older, CancellationToken.None);
        await Store.ApplyStatusAsync(newer, CancellationToken.None);
        await Store.ApplyStatusAsync(older, CancellationToken.None);

        var application = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(ApplicationStatus.Expired, application!.CurrentStatus);
    }

    [Fact]
    public async Task ApplyStatus_MovesTheApplicationBetweenStatusPartitions_AndUpdatesTheOthers()
    {
        var id = await CreateAsync();

        await Store.ApplyStatusAsync(new StatusChange(id, ApplicationStatus.AwaitingDocuments, 0, SubmittedAt.AddSeconds(1)), CancellationToken.None);
        await Store.ApplyStatusAsync(new StatusChange(id, ApplicationStatus.Diagnosed, 0, SubmittedAt.AddSeconds(2)), CancellationToken.None);

        Assert.Empty(await IndexRowsAsync("status:Submitted", id));
        Assert.Empty(await IndexRowsAsync("status:AwaitingDocuments", id));
        Assert.Equal("Diagnosed", Assert.Single(await IndexRowsAsync("status:Diagnosed", id)).Status);
        Assert.Equal("Diagnosed", Assert.Single(await IndexRowsAsync("all", id)).Status);
        Assert.Equal("Diagnosis", Assert.Single(await IndexRowsAsync("firm:1248100998", id)).Stage);
    }

    async Task<List<ApplicationIndexEntity>> IndexRowsAsync(string partition, string applicationId)
    {
        var rows = new List<ApplicationIndexEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ApplicationId eq {applicationId}");
        await foreach (var row in storage.ApplicationIndex.QueryAsync<ApplicationIndexEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    async Task<string> CreateAsync()
    {
        var id = ApplicationIds.New();
        await Store.CreateAsync(new ApplicationEntity
        {
            PartitionKey = id,
            FirmName = "남동정밀(주)",
            BusinessRegistrationNumber = "124-81-00998",
            FirmEmail = "ceo@example.com",
            SubmittedAt = SubmittedAt,
            UpdatedAt = SubmittedAt,
        }, CancellationToken.None);
        return id;
    }
}
