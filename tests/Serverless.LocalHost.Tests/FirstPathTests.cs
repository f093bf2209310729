using System.Net;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>The first workflow path, end to end: HTTP → orchestration on the Azurite-backed engine → projection.</summary>
[Collection(AzuriteTests.Name)]
public sealed class FirstPathTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Submit_ThenUpload_ReachesCompletedThroughAwaitingDocuments()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite);

        var application = await FirmFlow.SubmitAsync(host);
        await FirmFlow.WaitForStatusAsync(host, application, "AwaitingDocuments");
        using var upload = await FirmFlow.UploadAsync(host, application, "BusinessPlan", FirmFlow.SmallPdf, "plan.pdf");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var view = await FirmFlow.WaitForStatusAsync(host, application, "Completed");

        Assert.Equal(["Submitted", "AwaitingDocuments", "Completed"], FirmFlow.Timeline(view));
        Assert.Equal("Closed", view.GetProperty("stage").GetString());
        Assert.Equal("plan.pdf", view.GetProperty("documents")[0].GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Submit_NoDocumentsBeforeTheDeadline_Expires()
    {
        var deadline = TimeSpan.FromSeconds(3);
        await using var host = await LocalHostProcess.StartAsync(azurite, ("Workflow:DocumentsDeadline", deadline.ToString()));

        var application = await FirmFlow.SubmitAsync(host);
        var waiting = await FirmFlow.WaitForStatusAsync(host, application, "AwaitingDocuments");
        var view = await FirmFlow.WaitForStatusAsync(host, application, "Expired");

        Assert.Equal(["Submitted", "AwaitingDocuments", "Expired"], FirmFlow.Timeline(view));
        var waitedFor = view.GetProperty("updatedAt").GetDateTimeOffset() - waiting.GetProperty("updatedAt").GetDateTimeOffset();
        // Durable timers on Azurite may fire up to a second early (queue visibility is in whole seconds).
        Assert.InRange(waitedFor, deadline - TimeSpan.FromSeconds(1), deadline + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Get_WithoutToken_Returns401_AndWithAnotherApplicationsToken_Returns404()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite);
        var first = await FirmFlow.SubmitAsync(host);
        var second = await FirmFlow.SubmitAsync(host);

        using var anonymous = await host.Client.GetAsync(new Uri($"/api/applications/{first.ApplicationId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{first.ApplicationId}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", second.AccessToken);
        using var foreign = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
