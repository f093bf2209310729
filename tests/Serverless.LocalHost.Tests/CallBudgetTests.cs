using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The call's budget against real approvals (docs/api.md, Calls: Budget), on the demo data: the office opens a call of
/// its own; two approvals race for the last of its budget and exactly one gets it; the other is refused with a page
/// that says so and waits for the budget (<c>pending.kind = Budget</c>) until the office raises it and the reviewer is
/// mailed again; an application terminated after approval gives its share back.
/// </summary>
public sealed class CallBudgetTests(SupportHostFixture fixture) : IClassFixture<SupportHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    static string Won(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TwoApprovalsRaceForTheLastOfTheBudget_OneIsRefusedAndWaits_UntilTheBudgetIsRaised()
    {
        // The office closes the demo's call and opens its own, with no budget yet.
        using var listed = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/calls");
        var demo = (await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(c => c.GetProperty("state").GetString() == "Open");
        await AdminApi.CloseCallAsync(Host, demo.GetProperty("callId").GetString()!);
        var callId = await AdminApi.CreateCallAsync(Host, "growth-stage", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), budgetKrw: 0);

        // Two firms apply in it; once their plans are made, the budget is set to one and a half of their share.
        var reviews = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => FirmFlow.NewFirm()).Select(firm =>
            ReviewFlow.SubmitForReviewAsync(Host, firm, SupportFlow.ApplicationJson(firm, ["Export"]))));
        var share = (await FirmFlow.GetAsync(Host, reviews[0].Application)).GetProperty("plan").GetProperty("totalProgrammeShareKrw").GetInt64();
        Assert.Equal(share, (await FirmFlow.GetAsync(Host, reviews[1].Application)).GetProperty("plan").GetProperty("totalProgrammeShareKrw").GetInt64());
        await AdminApi.SetBudgetAsync(Host, callId, share * 3 / 2);

        // Each reviewer sees, before deciding, what is left and what the plan needs.
        var links = new List<string>();
        foreach (var review in reviews)
        {
            var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
            using var opened = await ReviewFlow.OpenAsync(Host, link);
            var page = await opened.Content.ReadAsStringAsync();
            Assert.Contains(Won(share * 3 / 2), page, StringComparison.Ordinal); // in the reviewer's language: 원 or won
            Assert.Contains(Won(share), page, StringComparison.Ordinal);
            links.Add(link);
        }

        // Both approve at once: one approval stands, the other is refused in words and decides nothing.
        var answers = await Task.WhenAll(links.Select(async link =>
        {
            using var response = await ReviewFlow.DecideAsync(Host, link, "approve");
            return (response.StatusCode, Page: await response.Content.ReadAsStringAsync());
        }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var refusedAt = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Matches(
            $"이 모집의 남은 예산은 {Won(share / 2)}원으로 이 계획의 지원금 {Won(share)}원보다 적어 지금은 승인할 수 없습니다|This call has {Won(share / 2)} won left, less than this plan's programme share of {Won(share)} won, so it cannot be approved now",
            WebUtility.HtmlDecode(answers[refusedAt].Page)); // the reviewer's language; the page escapes the apostrophe
        var (approved, waiting) = (reviews[1 - refusedAt], reviews[refusedAt]);
        await FirmFlow.WaitForStatusAsync(Host, approved.Application, "Matching");
        await AssertBudgetAsync(callId, committed: share, left: share * 3 / 2 - share);

        // The refused one still awaits review, now waiting for the budget.
        await WaitForPendingAsync(waiting, "Budget");
        Assert.Equal("AwaitingReview", (await FirmFlow.GetAsync(Host, waiting.Application)).GetProperty("status").GetString());

        // The office raises the budget: the reviewer is mailed a new link, and this time the approval stands.
        await AdminApi.SetBudgetAsync(Host, callId, share * 2);
        var again = await NewReviewLinkAsync(waiting, links[refusedAt]);
        await WaitForPendingAsync(waiting, "Review");
        await ReviewFlow.DecideOkAsync(Host, again, "approve");
        await FirmFlow.WaitForStatusAsync(Host, waiting.Application, "Matching");
        await AssertBudgetAsync(callId, committed: share * 2, left: 0);

        // Terminated after approval, an application gives its share back.
        using var terminated = await AdminApi.SendAsync(Host, HttpMethod.Post, $"/api/admin/applications/{waiting.Application.ApplicationId}/terminate", new { reason = "firm withdrew" });
        Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
        await AssertBudgetAsync(callId, committed: share, left: share);
    }

    async Task AssertBudgetAsync(string callId, long committed, long left)
    {
        var call = await AdminApi.CallAsync(Host, callId);
        Assert.Equal((committed, 0L, left), (call.GetProperty("committedKrw").GetInt64(), call.GetProperty("spentKrw").GetInt64(), call.GetProperty("leftKrw").GetInt64()));
    }

    /// <summary>Waits until the workflow's custom status says the application waits for <paramref name="kind"/>.</summary>
    async Task WaitForPendingAsync(ReviewFlow.InReview review, string kind)
    {
        var clock = Stopwatch.StartNew();
        var custom = "";
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            using var detail = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{review.Application.ApplicationId}");
            custom = (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orchestration").GetProperty("customStatus").GetString() ?? "";
            // The engine keeps the custom status as the orchestrator's serializer wrote it: { ..., "Pending": { "Kind": … } }.
            var status = JsonSerializer.Deserialize<WorkflowStatusRead>(custom, CaseInsensitive);
            if (status?.Pending?.Kind == kind)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{review.ReceiptNumber} is not waiting for {kind}: {custom}");
    }

    static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    sealed record PendingRead(string? Kind);

    sealed record WorkflowStatusRead(PendingRead? Pending);

    async Task<string> NewReviewLinkAsync(ReviewFlow.InReview review, string before)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            var links = (await Mailbox.MessagesAsync(Host))
                .Where(m => Mailbox.IsAbout(m, review.ReceiptNumber, ReviewFlow.RequestSubject))
                .SelectMany(m => m.Links.Where(l => l.Contains("/api/links/", StringComparison.Ordinal)))
                .Select(l => new Uri(l).AbsolutePath)
                .Where(l => l != before)
                .ToList();
            if (links.Count > 0)
            {
                return Assert.Single(links);
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No new review link for {review.ReceiptNumber}.");
    }
}
