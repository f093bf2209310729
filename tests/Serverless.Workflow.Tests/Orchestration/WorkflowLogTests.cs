using Microsoft.Extensions.Logging.Testing;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Orchestration;
using Serverless.Workflow.Storage;
using Xunit;

namespace Serverless.Workflow.Tests.Orchestration;

/// <summary>The workflow's log lines carry the application's id as a structured property (for Application Insights).</summary>
[Collection(AzuriteTests.Name)]
public sealed class WorkflowLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    readonly WorkflowStorage storage = azurite.Storage();

    public Task InitializeAsync() => storage.CreateIfNotExistsAsync(CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RecordingAStatus_LogsItWithTheApplicationId()
    {
        var store = new ApplicationStore(storage);
        var id = ApplicationIds.New();
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        await store.CreateAsync(new ApplicationEntity { PartitionKey = id, FirmName = "남동정밀(주)", SubmittedAt = at, UpdatedAt = at }, CancellationToken.None);
        var logger = new FakeLogger<RecordStatusActivity>();

        await new RecordStatusActivity(store, logger).RunAsync(null!, new StatusChange(id, ApplicationStatus.AwaitingReview, 1, at.AddMinutes(1)));

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(id, record.GetStructuredStateValue("ApplicationId"));
        Assert.Equal("AwaitingReview", record.GetStructuredStateValue("Status"));
    }
}
