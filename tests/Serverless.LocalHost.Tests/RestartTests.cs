using System.Diagnostics;
using Azure.Data.Tables;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Durability: a host killed while an instance waits loses nothing; the next host on the same data finishes it.</summary>
[Collection(AzuriteTests.Name)]
public sealed class RestartTests(AzuriteFixture azurite)
{
    /// <summary>
    /// The new host (a worker of another name) waits for the killed host's partition lease to expire (30 s) and for
    /// its next acquisition round before it processes anything: about 35 s here.
    /// </summary>
    static readonly TimeSpan AfterLeaseExpiry = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task KilledHost_WhileInstanceWaits_NewHostOnSameDataCompletesIt()
    {
        // The engine's partition and lease log, so a failure shows where recovery stopped.
        var sameData = LocalHostProcess.IsolatedSettings(azurite, ("Logging:LogLevel:DurableTask.AzureStorage", "Information"));

        FirmFlow.Submitted application;
        await using (var first = await LocalHostProcess.StartAsync(sameData))
        {
            application = await FirmFlow.SubmitAsync(first);
            var waiting = await FirmFlow.WaitForStatusAsync(first, application, "AwaitingDocuments");
            var lastStep = await Mailbox.WaitForAsync(first, waiting.GetProperty("receiptNumber").GetString()!, "보완 요청");
            await EngineCheckpoints.WaitUntilCheckpointedAfterAsync(sameData, application.ApplicationId, lastStep.SentAt);
            await first.KillAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(sameData);
        await FirmFlow.UploadRequiredAsync(second, application);
        var view = await FirmFlow.WaitForStatusAsync(second, application, "AwaitingReview", AfterLeaseExpiry);

        Assert.Equal(["Submitted", "AwaitingDocuments", "Diagnosed", "AwaitingReview"], FirmFlow.Timeline(view));
    }
}
