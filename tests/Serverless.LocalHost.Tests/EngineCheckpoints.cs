using System.Diagnostics;
using Azure.Data.Tables;

namespace Serverless.LocalHost.Tests;

internal static class EngineCheckpoints
{
    /// <summary>
    /// Waits until the engine has committed the episode after the instance's last step (the missing-documents mail):
    /// then the instance only waits, and the kill cannot land in the middle of a step, whose message a killed host
    /// keeps hidden for the engine's visibility timeout (5 minutes) before another host may take it.
    /// </summary>
    public static async Task WaitUntilCheckpointedAfterAsync(Dictionary<string, string> settings, string instanceId, DateTimeOffset lastStepAt)
    {
        var instances = new TableServiceClient(settings["Storage:ConnectionString"]).GetTableClient(settings["Durable:TaskHub"] + "Instances");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            var row = await instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "");
            if (row.HasValue && row.Value!.GetDateTimeOffset("LastUpdatedTime") > lastStepAt)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The engine did not checkpoint {instanceId} after its last step.");
    }
}
