using System.Net;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Durability: a host killed while an instance waits loses nothing; the next host on the same data finishes it.</summary>
[Collection(AzuriteTests.Name)]
public sealed class RestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task KilledHost_WhileInstanceWaits_NewHostOnSameDataCompletesIt()
    {
        var sameData = LocalHostProcess.IsolatedSettings(azurite);

        FirmFlow.Submitted application;
        await using (var first = await LocalHostProcess.StartAsync(sameData))
        {
            application = await FirmFlow.SubmitAsync(first);
            await FirmFlow.WaitForStatusAsync(first, application, "AwaitingDocuments");
            await first.KillAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(sameData);
        using var upload = await FirmFlow.UploadAsync(second, application, "BusinessPlan", FirmFlow.SmallPdf, "plan.pdf");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var view = await FirmFlow.WaitForStatusAsync(second, application, "Completed");

        Assert.Equal(["Submitted", "AwaitingDocuments", "Completed"], FirmFlow.Timeline(view));
    }
}
