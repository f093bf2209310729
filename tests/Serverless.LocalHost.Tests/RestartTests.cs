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
        var sameData = LocalHostProcess.IsolatedSettings(azurite);

        FirmFlow.Submitted application;
        await using (var first = await LocalHostProcess.StartAsync(sameData))
        {
            application = await FirmFlow.SubmitAsync(first);
            await FirmFlow.WaitForStatusAsync(first, application, "AwaitingDocuments");
            await WaitUntilCheckpointedAsync(sameData, application.ApplicationId, "AwaitingDocuments");
            await first.KillAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(sameData);
        await FirmFlow.UploadRequiredAsync(second, application);
        var view = await FirmFlow.WaitForStatusAsync(second, application, "Diagnosed", AfterLeaseExpiry);

        Assert.Equal(["Submitted", "AwaitingDocuments", "Diagnosed"], FirmFlow.Timeline(view));
    }

    /// <summary>
    /// Waits until the engine has committed the instance's wait (its custom status is written with the checkpoint),
    /// so the kill lands while the instance waits, not in the middle of a step: a message a killed host had taken
    /// stays hidden for the engine's visibility timeout (5 minutes) before another host may process it.
    /// </summary>
    static async Task WaitUntilCheckpointedAsync(Dictionary<string, string> settings, string instanceId, string status)
    {
        var instances = new TableServiceClient(settings["Storage:ConnectionString"]).GetTableClient(settings["Durable:TaskHub"] + "Instances");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            var row = await instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "");
            if (row.HasValue && row.Value!.GetString("CustomStatus")?.Contains(status, StringComparison.Ordinal) == true)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The engine did not checkpoint {instanceId} as {status}.");
    }
}
