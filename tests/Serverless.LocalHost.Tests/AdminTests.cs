using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>The admin API (docs/api.md, Admin) over real HTTP: list, detail, stats, CSV, suspend/resume, purge.</summary>
public sealed class AdminTests(SupportHostFixture fixture) : IClassFixture<SupportHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task TheDemoData_OpensOneCallOfTheDefaultProgramme_ThatItsApplicationsWereTakenIn()
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/calls");
        var calls = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();

        var call = Assert.Single(calls);
        Assert.Equal(("growth-stage", "Open", 2_000_000_000L), (call.GetProperty("programme").GetString(), call.GetProperty("state").GetString(), call.GetProperty("budgetKrw").GetInt64()));
        Assert.InRange((call.GetProperty("closesAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalDays, 59, 61);
        Assert.True(call.GetProperty("applications").GetInt32() > 0); // the demo's own applications
    }

    [Fact]
    public async Task List_NewestFirst_FiltersByStatusReceiptBrnAndName_AndPagesWithContinuationTokens()
    {
        var name = $"목록검사{Guid.NewGuid():N}"[..12];
        var submitted = new List<(FirmFlow.Submitted Application, string Brn)>();
        for (var i = 0; i < 5; i++)
        {
            var brn = FirmFlow.NewFirm();
            using var response = await FirmFlow.PostAsync(Host, SupportFlow.ApplicationJson(brn, ["Export"], $"{name} {i}"));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            submitted.Add((FirmFlow.Submitted.From(body), brn));
        }

        await FirmFlow.ConfirmAllAsync(Host, [.. submitted.Select(s => s.Application)]);

        foreach (var (application, _) in submitted)
        {
            await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingDocuments");
        }

        // By name (substring, any case), two at a time: three pages, newest first, nothing twice.
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await ListAsync($"q={Uri.EscapeDataString(name[2..].ToUpperInvariant())}&pageSize=2" + (token is null ? "" : $"&continuationToken={token}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("applicationId").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(JsonValueKind.Null, (await ListAsync($"q={Uri.EscapeDataString(name)}&pageSize=200")).GetProperty("continuationToken").ValueKind);
        Assert.Equal(submitted.Select(s => s.Application.ApplicationId).Reverse(), seen);

        var newest = submitted[^1];
        var receipt = (await FirmFlow.GetAsync(Host, newest.Application)).GetProperty("receiptNumber").GetString()!;
        Assert.Equal([newest.Application.ApplicationId], Ids(await ListAsync($"q={receipt}")));
        Assert.Equal([newest.Application.ApplicationId], Ids(await ListAsync($"q={newest.Brn.Replace("-", "", StringComparison.Ordinal)}")));
        Assert.Equal([newest.Application.ApplicationId], Ids(await ListAsync($"q={newest.Brn}&status=AwaitingDocuments")));
        Assert.Empty(Ids(await ListAsync($"q={newest.Brn}&status=Completed")));
        var awaiting = await ListAsync("status=AwaitingDocuments&pageSize=200");
        Assert.All(awaiting.GetProperty("items").EnumerateArray(), i => Assert.Equal("AwaitingDocuments", i.GetProperty("status").GetString()));
        Assert.Contains(newest.Application.ApplicationId, Ids(awaiting));
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(newest.Application.ApplicationId, Ids(await ListAsync($"submittedFrom={today}&submittedTo={today}&pageSize=200")));
        Assert.DoesNotContain(newest.Application.ApplicationId, Ids(await ListAsync("submittedTo=2020-01-01")));
    }

    [Theory]
    [InlineData("status=Bogus", "status")]
    [InlineData("stage=Nowhere", "stage")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("submittedFrom=2026-13-01", "submittedFrom")]
    [InlineData("submittedFrom=2026-05-02&submittedTo=2026-05-01", "submittedTo")]
    [InlineData("continuationToken=not-ours", "continuationToken")]
    [InlineData("q=%EC%A0%95", "q")] // one letter of a name: nearly every firm, and no letter pair to look up
    [InlineData("continuationToken=djF8JyBvciBQYXJ0aXRpb25LZXkgbmUgJw", "continuationToken")]
    public async Task List_InvalidFilters_Are400AtTheirParameter(string query, string parameter)
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications?{query}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Detail_ShowsTheOrchestrationHistoryAuditAndPendingLinks_ButNeverAToken()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (mail, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        var reviewer = await ReviewFlow.RecipientAsync(Host, mail);

        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{review.Application.ApplicationId}");
        var text = await response.Content.ReadAsStringAsync();
        var detail = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("AwaitingReview", detail.GetProperty("status").GetString()); // the firm's view, at the top level
        Assert.Equal(review.ReceiptNumber, detail.GetProperty("receiptNumber").GetString());
        Assert.Equal("Running", detail.GetProperty("orchestration").GetProperty("runtimeStatus").GetString());
        Assert.Contains("AwaitingReview", detail.GetProperty("orchestration").GetProperty("customStatus").GetString(), StringComparison.Ordinal);
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h =>
            h.GetProperty("eventType").GetString() == "TaskScheduled" && h.TryGetProperty("name", out var name) && name.GetString() == "SendReviewLinkActivity");
        Assert.Contains(detail.GetProperty("events").EnumerateArray(), e => e.TryGetProperty("toStatus", out var to) && to.GetString() == "AwaitingReview");
        var pending = Assert.Single(detail.GetProperty("pendingLinks").EnumerateArray());
        Assert.Equal(("Review", reviewer.GetProperty("reviewerId").GetString()), (pending.GetProperty("purpose").GetString(), pending.GetProperty("actor").GetString()));
        Assert.DoesNotContain(link["/api/links/".Length..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(review.Application.AccessToken, text, StringComparison.Ordinal);

        foreach (var bad in new[] { "x'%20or%20PartitionKey%20ne%20'", "..%2F..%2Fapi%2Fhealth", new string('0', 32) })
        {
            using var missing = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{bad}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await ReviewFlow.DecideOkAsync(Host, link, "reject", "테스트 종료");
    }

    [Fact]
    public async Task Stats_FollowEveryStatusChange_AndTheCsvKeepsKoreanIntact()
    {
        var before = await StatsAsync();
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(Host, link, "reject", "통계 확인");
        await FirmFlow.WaitForStatusAsync(Host, review.Application, "Rejected");
        var after = await StatsAsync();

        Assert.Equal(1, after.GetProperty("submitted").GetInt64() - before.GetProperty("submitted").GetInt64());
        Assert.Equal(1, Count(after, "byStatus", "Rejected") - Count(before, "byStatus", "Rejected"));
        Assert.Equal(Count(before, "byStatus", "AwaitingReview"), Count(after, "byStatus", "AwaitingReview"));
        Assert.Equal(1, Count(after, "byMiniCluster", "친환경나노") - Count(before, "byMiniCluster", "친환경나노"));

        using var csv = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications.csv?q={review.ReceiptNumber}");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{review.ReceiptNumber},남동정밀(주),{review.BusinessRegistrationNumber},Rejected,Review,친환경나노,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_HoldsTheWorkflow_Resume_LetsItGoOn_AndPurgeNeedsAnEndedApplication()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        var id = review.Application.ApplicationId;

        using (var noReason = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{id}/suspend", new { }))
        using (var suspended = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{id}/suspend", new { reason = "서류 확인 중" }))
        using (var early = await AdminApi.SendAsync(Host, HttpMethod.Delete, $"/api/admin/applications/{id}/history"))
        {
            Assert.Equal(
                (HttpStatusCode.BadRequest, HttpStatusCode.Accepted, HttpStatusCode.Conflict),
                (noReason.StatusCode, suspended.StatusCode, early.StatusCode));
        }

        await WaitForRuntimeStatusAsync(id, "Suspended");
        await ReviewFlow.DecideOkAsync(Host, link, "reject", "보류 중 결정");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("AwaitingReview", (await FirmFlow.GetAsync(Host, review.Application)).GetProperty("status").GetString());

        using (var resumed = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{id}/resume", new { reason = "확인 완료" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, resumed.StatusCode);
        }

        // Purging needs the engine's instance ended, which comes a moment after the status (the mail goes first).
        await FirmFlow.WaitForStatusAsync(Host, review.Application, "Rejected");
        await WaitForRuntimeStatusAsync(id, "Completed");
        using (var purged = await AdminApi.SendAsync(Host, HttpMethod.Delete, $"/api/admin/applications/{id}/history"))
        using (var again = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{id}/suspend", new { reason = "너무 늦음" }))
        {
            Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Conflict), (purged.StatusCode, again.StatusCode));
        }

        using var detail = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{id}");
        var view = await detail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, view.GetProperty("orchestration").ValueKind); // the engine's record is gone
        Assert.Empty(view.GetProperty("history").EnumerateArray());
        Assert.Equal(["Suspended", "Resumed", "HistoryPurged"], view.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).Where(t => t is "Suspended" or "Resumed" or "HistoryPurged"));
        Assert.Equal("Rejected", (await FirmFlow.GetAsync(Host, review.Application)).GetProperty("status").GetString()); // the business record stays
    }

    async Task<JsonElement> ListAsync(string query)
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task<JsonElement> StatsAsync()
    {
        using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/stats");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    async Task WaitForRuntimeStatusAsync(string id, string runtimeStatus)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{id}");
            var view = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (view.GetProperty("orchestration").GetProperty("runtimeStatus").GetString() == runtimeStatus)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The orchestration never became {runtimeStatus}.");
    }

    static IReadOnlyList<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("applicationId").GetString()!)];

    static long Count(JsonElement stats, string group, string key) =>
        stats.GetProperty(group).TryGetProperty(key, out var value) ? value.GetInt64() : 0;
}
