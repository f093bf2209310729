using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>POST /api/applications over real HTTP: every status code of docs/api.md, exactly once, nothing left by refusals.</summary>
public sealed class IntakeTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Submit_TheSampleApplication_Returns202WithReceiptNumberTokenAndLocation()
    {
        using var response = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.GetProperty("applicationId").GetString()!;
        Assert.Equal($"/api/applications/{id}", response.Headers.Location!.ToString());
        Assert.Matches(@"^GS-\d{4}-\d{5}$", body.GetProperty("receiptNumber").GetString());
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.Equal(43, body.GetProperty("accessToken").GetString()!.Length);
        Assert.Equal($"/api/applications/{id}/documents", body.GetProperty("documentsUrl").GetString());
    }

    [Fact]
    public async Task Submit_SeveralRetriesRenewingOneExpiredKeyAtOnce_AllGetTheSameNewApplication()
    {
        // The key was used two days ago (past its 24-hour window) for another body.
        var key = Guid.NewGuid().ToString();
        await fixture.Table("Idempotency").AddEntityAsync(new Serverless.Workflow.Applications.IdempotencyEntity
        {
            PartitionKey = Serverless.Workflow.Links.Tokens.Hash(key),
            RequestHash = "an older body",
            ApplicationId = Serverless.Workflow.Applications.ApplicationIds.New(),
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
        });
        var json = FirmFlow.ApplicationJson();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => FirmFlow.PostAsync(Host, json, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()));
        Assert.Single(ids.Distinct());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Submit_BrokenRules_Returns400WithEachErrorAtItsPath_AndStoresNothing()
    {
        var before = await fixture.StoredStateAsync();
        var json = FirmFlow.ApplicationJson("124-81-00997").Replace("\"trl\":6", "\"trl\":12", StringComparison.Ordinal);

        using var response = await FirmFlow.PostAsync(Host, json);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("detail", out _));
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToList();
        Assert.Equal(["firm.businessRegistrationNumber", "technology.trl"], errors);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    [Theory]
    [InlineData("{\"firm\": {", "firm")]
    [InlineData("{\"firm\": {\"employees\": \"many\"}}", "firm.employees")]
    [InlineData("{\"firm\": {\"employees\": \"42\"}}", "firm.employees")]
    [InlineData("{\"technology\": {\"trl\": 6, \"trl\": 9}}", "technology.trl")]
    [InlineData("[1, 2, 3]", "$")]
    [InlineData("null", "$")]
    public async Task Submit_NotAnApplicationInJson_Returns400AtThePath_NeverA500(string json, string path)
    {
        using var response = await FirmFlow.PostAsync(Host, json);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _), problem.ToString());
        Assert.DoesNotContain("Exception", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_NotJson_Returns415()
    {
        using var response = await FirmFlow.PostAsync(Host, "firm=남동정밀", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Submit_BodyOver256KiB_Returns413_AndStoresNothing()
    {
        var before = await fixture.StoredStateAsync();
        var padded = FirmFlow.ApplicationJson()[..^1] + ",\"padding\":\"" + new string('x', 260 * 1024) + "\"}";

        using var response = await FirmFlow.PostAsync(Host, padded);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    public static TheoryData<string> BadKeys() => ["key with\u0001control", new string('k', 129)];

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Submit_IdempotencyKeyNotOneTo128PrintableAscii_Returns400(string key)
    {
        using var response = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson(), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Submit_SameKeyAndBodyAgain_ReturnsTheSameApplication_AndMailsOnce()
    {
        var key = Guid.NewGuid().ToString();
        var json = FirmFlow.ApplicationJson();

        using var first = await FirmFlow.PostAsync(Host, json, key);
        using var again = await FirmFlow.PostAsync(Host, json, key);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var againBody = await again.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(firstBody.GetProperty("applicationId").GetString(), againBody.GetProperty("applicationId").GetString());
        Assert.Equal(firstBody.GetProperty("receiptNumber").GetString(), againBody.GetProperty("receiptNumber").GetString());
        var receipt = firstBody.GetProperty("receiptNumber").GetString()!;
        var application = FirmFlow.Submitted.From(againBody);
        await FirmFlow.ConfirmAsync(Host, application);
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");
        Assert.Single(await Mailbox.MessagesAsync(Host), m => m.Subject.Contains(receipt, StringComparison.Ordinal) && m.Subject.Contains("접수되었습니다", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_SameKeyDifferentBody_Returns409()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson(), key);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var application = FirmFlow.Submitted.From(firstBody);
        await FirmFlow.ConfirmAsync(Host, application);
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");
        var before = await fixture.StoredStateAsync();

        using var other = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson(), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(before, await fixture.StoredStateAsync());
    }

    [Fact]
    public async Task Submit_FirmWithAnOpenApplication_Returns409NamingIt()
    {
        var firm = FirmFlow.NewFirm();
        var open = await FirmFlow.SubmitAsync(Host, firm);
        await FirmFlow.WaitForStatusAsync(Host, open, "AwaitingDocuments");

        using var second = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson(firm, language: "en"));
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(open.ApplicationId, problem.GetProperty("applicationId").GetString());
    }

    [Fact]
    public async Task Submit_ThirtyAtOnce_GetThirtyApplicationsAndGaplessReceiptNumbers()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            using var response = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }));

        var ids = responses.Select(r => r.GetProperty("applicationId").GetString()).Distinct().ToList();
        var sequence = responses.Select(r => int.Parse(r.GetProperty("receiptNumber").GetString()![^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(Enumerable.Range(sequence[0], 30), sequence);
    }

    [Fact]
    public async Task Submit_RetryAfterAFailureBeforeTheWorkflowStarted_FinishesTheSameApplication()
    {
        // The first attempt died after writing the application, before starting its orchestration: that state is
        // written here as it would have been left (the claimed key and the application; nothing else).
        var key = Guid.NewGuid().ToString();
        var json = FirmFlow.ApplicationJson();
        var halfDone = await HalfDoneSubmission.WriteAsync(fixture, key, json);

        using var retry = await FirmFlow.PostAsync(Host, json, key);
        var body = await retry.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(halfDone.ApplicationId, body.GetProperty("applicationId").GetString());
        Assert.Equal(halfDone.ReceiptNumber, body.GetProperty("receiptNumber").GetString());
        var application = FirmFlow.Submitted.From(body);
        await FirmFlow.ConfirmAsync(Host, application);
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");
        Assert.Single(await Mailbox.MessagesAsync(Host), m => m.Subject.Contains(halfDone.ReceiptNumber, StringComparison.Ordinal) && m.Subject.Contains("접수되었습니다", StringComparison.Ordinal));
    }
}
