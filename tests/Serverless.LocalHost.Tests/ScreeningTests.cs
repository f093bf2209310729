using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Serverless.Workflow.Documents;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>A host whose activities give up after seconds, not the hour of the real retries: for steps that fail for good.</summary>
public sealed class ShortRetryHostFixture : IntakeHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [("Workflow:ActivityRetryFirstInterval", "00:00:01"), ("Workflow:ActivityRetryFor", "00:00:05")];
}

/// <summary>Screening when the documents are already there as the workflow starts, and a step that fails for good.</summary>
public sealed class ScreeningTests(ShortRetryHostFixture fixture) : IClassFixture<ShortRetryHostFixture>
{
    [Fact]
    public async Task DocumentsCompleteAtSubmission_GoesStraightToDiagnosisAndReview_WithoutAskingForDocuments()
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
        var submitted = new FirmFlow.Submitted(application.ApplicationId, body.GetProperty("accessToken").GetString()!, application.ReceiptNumber);
        await FirmFlow.ConfirmAsync(fixture.Host, submitted);
        var view = await FirmFlow.WaitForStatusAsync(fixture.Host, submitted, "AwaitingReview");

        Assert.Equal(["Submitted", "Diagnosed", "AwaitingReview"], FirmFlow.Timeline(view));
        Assert.DoesNotContain(await Mailbox.MessagesAsync(fixture.Host), m =>
            m.Subject.Contains(application.ReceiptNumber, StringComparison.Ordinal) && m.Subject.Contains("서류", StringComparison.Ordinal));
        var report = await fixture.Documents.GetBlobClient($"{application.ApplicationId}/diagnosis.json").DownloadContentAsync();
        Assert.Equal(576, report.Value.Content.ToObjectFromJson<JsonElement>().GetProperty("diagnosis").GetProperty("totalScore").GetInt32());
    }

    [Fact]
    public async Task AStepFailingAfterItsRetries_IsFailed_TheStaffAreTold_AndAnAdminsRetryGoesOnFromThatStep()
    {
        // An application whose stored form cannot be read: screening fails on every retry.
        var key = Guid.NewGuid().ToString();
        var json = FirmFlow.ApplicationJson();
        var application = await HalfDoneSubmission.WriteAsync(fixture, key, json);
        var form = application.FormJson;
        application.FormJson = "{}";
        await fixture.Table("Applications").UpdateEntityAsync(application, Azure.ETag.All);

        using var response = await FirmFlow.PostAsync(fixture.Host, json, key);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var submitted = new FirmFlow.Submitted(application.ApplicationId, body.GetProperty("accessToken").GetString()!, application.ReceiptNumber);
        await FirmFlow.ConfirmAsync(fixture.Host, submitted);
        var view = await FirmFlow.WaitForStatusAsync(fixture.Host, submitted, "Failed");

        Assert.Equal("Closed", view.GetProperty("stage").GetString());
        var mail = await Mailbox.WaitForAsync(fixture.Host, application.ReceiptNumber, "처리 오류");
        Assert.Equal(["staff@namdong-cluster.local"], mail.To);
        Assert.Contains("Submitted", mail.Text, StringComparison.Ordinal); // the status it failed in
        Assert.Contains("재시도", mail.Text, StringComparison.Ordinal);
        using (var again = await FirmFlow.PostAsync(fixture.Host, FirmFlow.ApplicationJson(view.GetProperty("firm").GetProperty("businessRegistrationNumber").GetString())))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode); // a failed application does not hold the firm's slot
        }

        // The staff mend the cause and retry: the workflow takes up the failed step (screening) and goes on.
        var retry = $"/api/admin/applications/{application.ApplicationId}/retry";
        using (var early = await AdminApi.SendAsync(fixture.Host, HttpMethod.Post, retry, new { reason = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        }

        // A double click before the cause is mended: one request counts (the other would be kept by the workflow and
        // spent on the next failure), and the step fails again.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => AdminApi.SendAsync(fixture.Host, HttpMethod.Post, retry, new { reason = "다시 시도" })));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], twice.Select(r => r.StatusCode).Order());
        await FirmFlow.WaitForReachedAsync(fixture.Host, submitted, "Failed", times: 2);

        var stored = (await fixture.Table("Applications").GetEntityAsync<Serverless.Workflow.Applications.ApplicationEntity>(application.ApplicationId, application.RowKey)).Value;
        stored.FormJson = form;
        await fixture.Table("Applications").UpdateEntityAsync(stored, Azure.ETag.All);
        using (var retried = await AdminApi.SendAsync(fixture.Host, HttpMethod.Post, retry, new { reason = "저장된 신청서 복구" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        }

        var goingOn = await FirmFlow.WaitForStatusAsync(fixture.Host, submitted, "AwaitingDocuments");
        Assert.Equal(["Submitted", "Failed", "Submitted", "Failed", "Submitted", "AwaitingDocuments"], FirmFlow.Timeline(goingOn));
        using var notFailed = await AdminApi.SendAsync(fixture.Host, HttpMethod.Post, retry, new { reason = "두 번째" });
        Assert.Equal(HttpStatusCode.Conflict, notFailed.StatusCode);
    }
}
