using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Serverless.Workflow.Documents;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Screening when the documents are already there as the workflow starts.</summary>
public sealed class ScreeningTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    [Fact]
    public async Task DocumentsCompleteAtSubmission_GoesStraightToDiagnosed_WithoutAskingForDocuments()
    {
        // The application and its three documents are stored, then its workflow starts (as a retried submission
        // does): screening finds nothing missing.
        var key = Guid.NewGuid().ToString();
        var json = FirmFlow.ApplicationJson();
        var application = await HalfDoneSubmission.WriteAsync(fixture, key, json);
        var documents = new DocumentStore(fixture.Storage, TimeProvider.System);
        foreach (var kind in FirmFlow.RequiredKinds)
        {
            using var pdf = new MemoryStream(FirmFlow.SmallPdf);
            await documents.SaveAsync(application.ApplicationId, kind, $"{kind}.pdf", "application/pdf", pdf, CancellationToken.None);
        }

        using var response = await FirmFlow.PostAsync(fixture.Host, json, key);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await FirmFlow.WaitForStatusAsync(
            fixture.Host, new(application.ApplicationId, body.GetProperty("accessToken").GetString()!), "Diagnosed");

        Assert.Equal(["Submitted", "Diagnosed"], FirmFlow.Timeline(view));
        Assert.DoesNotContain(await Mailbox.MessagesAsync(fixture.Host), m =>
            m.Subject.Contains(application.ReceiptNumber, StringComparison.Ordinal) && m.Subject.Contains("서류", StringComparison.Ordinal));
        var report = await fixture.Documents.GetBlobClient($"{application.ApplicationId}/diagnosis.json").DownloadContentAsync();
        Assert.Equal(576, report.Value.Content.ToObjectFromJson<JsonElement>().GetProperty("diagnosis").GetProperty("totalScore").GetInt32());
    }
}
