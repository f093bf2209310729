using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Serverless.Testing;
using Serverless.Workflow.Http;
using Serverless.Workflow.Links;
using Serverless.Workflow.Orchestration;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>The review step (docs/workflow.md, step 4) on the real engine: a reviewer's emailed link decides.</summary>
public sealed class ReviewTests(ReviewHostFixture fixture) : IClassFixture<ReviewHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task Approve_ThroughTheMailedLink_MovesToApproved_ReleasesTheReview_AndTheLinkIsSpent()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (mail, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        var reviewer = await ReviewFlow.RecipientAsync(Host, mail);
        var reviewerId = reviewer.GetProperty("reviewerId").GetString()!;
        Assert.True(reviewer.GetProperty("pendingReviews").GetInt32() >= 1);

        using var page = await ReviewFlow.OpenAsync(Host, link);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains(review.ReceiptNumber, html, StringComparison.Ordinal);
        Assert.Contains("(576/1000)", html, StringComparison.Ordinal); // the diagnosis of the sample application
        Assert.Contains("<th scope=\"row\">T1</th>", html, StringComparison.Ordinal); // and its plan
        Assert.Contains("576 / 1000", mail.Text, StringComparison.Ordinal);

        var before = (await AdminApi.ReviewerAsync(Host, reviewerId)).GetProperty("pendingReviews").GetInt32();
        var confirmation = await ReviewFlow.DecideOkAsync(Host, link, "approve");
        var view = await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");

        Assert.Contains(ReviewFlow.Say(reviewer, "제출하신 내용이 기록되었습니다", "Your answer has been recorded"), confirmation, StringComparison.Ordinal);
        Assert.Equal(["Diagnosed", "AwaitingReview", "Approved"], FirmFlow.TimelineUntil(view, "Approved").TakeLast(3));
        await ReviewFlow.WaitForPendingReviewsAsync(Host, reviewerId, before - 1);
        using var replay = await ReviewFlow.DecideAsync(Host, link, "reject", "두 번째 결정");
        using var reopened = await ReviewFlow.OpenAsync(Host, link);
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        Assert.Contains(ReviewFlow.Say(reviewer, "이미 사용되었습니다", "already used"), await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Rejected", FirmFlow.Timeline(await FirmFlow.GetAsync(Host, review.Application)));
    }

    [Fact]
    public async Task Reject_NeedsAComment_ThenRejects_AndTheFirmIsMailedTheCommentInert()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);

        using (var noComment = await ReviewFlow.DecideAsync(Host, link, "reject", accept: "application/json"))
        {
            var problem = await noComment.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
            Assert.Equal("application/problem+json", noComment.Content.Headers.ContentType!.MediaType);
            Assert.True(problem.GetProperty("errors").TryGetProperty("comment", out _));
        }

        const string comment = "시장 분석이 부족합니다 <script>alert(1)</script>";
        await ReviewFlow.DecideOkAsync(Host, link, "reject", comment); // the refused post left the link usable
        var view = await FirmFlow.WaitForStatusAsync(Host, review.Application, "Rejected");
        var mail = await Mailbox.WaitForAsync(Host, review.ReceiptNumber, "미선정");

        Assert.Equal("Review", view.GetProperty("stage").GetString()); // Rejected ends the application in the Review stage
        using var again = await FirmFlow.PostAsync(Host, FirmFlow.ApplicationJson(review.BusinessRegistrationNumber));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode); // and it no longer holds the firm's one open application
        Assert.Equal(comment, view.GetProperty("timeline").EnumerateArray().Last().GetProperty("note").GetString());
        Assert.Contains(comment, mail.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_ThenTheFirmsUpdate_StartsASecondRound_WithANewReviewMail_ThenApprove()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, firstLink) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);

        await ReviewFlow.DecideOkAsync(Host, firstLink, "changes", "기술인력 현황을 보완해 주십시오.");
        await FirmFlow.WaitForStatusAsync(Host, review.Application, "ChangesRequested");
        var changesMail = await Mailbox.WaitForAsync(Host, review.ReceiptNumber, "신청서 보완 요청");
        Assert.Contains("기술인력 현황을 보완해 주십시오.", changesMail.Text, StringComparison.Ordinal);

        using (var updated = await PutAsync(review))
        using (var again = await PutAsync(review))
        {
            Assert.Equal(HttpStatusCode.Accepted, updated.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // one resubmission a round
        }

        // Round 1: diagnosed again, a second review mail with a new link.
        await WaitForReviewMailsAsync(review.ReceiptNumber, 2);
        var secondLink = (await Mailbox.MessagesAsync(Host))
            .Where(m => Mailbox.IsAbout(m, review.ReceiptNumber, ReviewFlow.RequestSubject))
            .Select(m => new Uri(m.Links.Single(l => l.Contains("/api/links/", StringComparison.Ordinal))).AbsolutePath)
            .Single(l => l != firstLink);
        await FirmFlow.WaitForStatusAsync(Host, review.Application, "AwaitingReview");
        await ReviewFlow.DecideOkAsync(Host, secondLink, "approve");
        var view = await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");

        Assert.Equal(
            ["Diagnosed", "AwaitingReview", "ChangesRequested", "Diagnosed", "AwaitingReview", "Approved"],
            FirmFlow.TimelineUntil(view, "Approved").TakeLast(6));
        Assert.Equal(1, await ReviewFlow.CountMailsAsync(Host, review.ReceiptNumber, "신청서 보완 요청"));
        using var spent = await ReviewFlow.DecideAsync(Host, firstLink, "approve");
        Assert.Equal(HttpStatusCode.Gone, spent.StatusCode);
    }

    [Fact]
    public async Task ADecisionClaimedButNeverDelivered_IsDeliveredByTheNextPostOfTheStep()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);

        // What a post leaves when its host dies right after claiming the decision: the claim, no event, the link unused.
        var claimed = new ReviewDecided(ReviewDecisions.Approve, null, "", DateTimeOffset.UtcNow);
        await fixture.Table("Links").AddEntityAsync(new Azure.Data.Tables.TableEntity($"app:{review.Application.ApplicationId}", "decided:Review:0:")
        {
            ["LinkHash"] = Tokens.Hash(link["/api/links/".Length..]),
            ["Decision"] = JsonSerializer.Serialize(claimed, Json.Options),
        });

        using var again = await ReviewFlow.DecideAsync(Host, link, "reject", "다시 제출");
        await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode); // the standing decision is the claimed one, not this post's
    }

    [Fact]
    public async Task AReviewerWithAConflict_NeverGetsTheMail()
    {
        var firm = FirmFlow.NewFirm();
        var free = fixture.Reviewers[0];
        var conflicted = await AdminApi.AddReviewerAsync(Host, "이해충돌", conflicts: firm);
        foreach (var other in fixture.Reviewers.Where(r => r != free))
        {
            // Only this firm's number is added: other tests' firms keep the whole pool.
            var current = await AdminApi.ReviewerAsync(Host, other);
            using var changed = await AdminApi.SendAsync(Host, HttpMethod.Put, $"/api/admin/reviewers/{other}", new
            {
                name = current.GetProperty("name").GetString(),
                email = current.GetProperty("email").GetString(),
                role = current.GetProperty("role").GetString(),
                active = current.GetProperty("active").GetBoolean(),
                language = current.GetProperty("language").GetString(),
                conflictBusinessRegistrationNumbers = (string[])[.. current.GetProperty("conflictBusinessRegistrationNumbers").EnumerateArray().Select(b => b.GetString()!), firm],
            });
            changed.EnsureSuccessStatusCode();
        }

        var review = await ReviewFlow.SubmitForReviewAsync(Host, firm);
        var (mail, _) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);

        var reviewers = await AdminApi.ReviewersAsync(Host);
        string EmailOf(string id) => reviewers.Single(r => r.GetProperty("reviewerId").GetString() == id).GetProperty("email").GetString()!;
        Assert.Equal([EmailOf(free)], mail.To);
        var allMail = await Mailbox.MessagesAsync(Host);
        Assert.DoesNotContain(allMail, m => m.Subject.Contains(review.ReceiptNumber, StringComparison.Ordinal) && m.To.Contains(EmailOf(conflicted)));
    }

    [Fact]
    public async Task ForgedTruncatedModifiedAndWrongPurposeTokens_Are404_AndChangeNothing()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        var token = link["/api/links/".Length..];
        var modified = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        string[] bad = [new string('A', 43), token[..^1], modified, review.Application.AccessToken, "..%2F..%2Fapi%2Fhealth", token + "x"];

        foreach (var candidate in bad)
        {
            using var shown = await ReviewFlow.OpenAsync(Host, $"/api/links/{candidate}", accept: "application/json");
            using var posted = await ReviewFlow.DecideAsync(Host, $"/api/links/{candidate}", "approve", accept: "application/json");
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (shown.StatusCode, posted.StatusCode));
            Assert.Equal("application/problem+json", posted.Content.Headers.ContentType!.MediaType);
        }

        using (var unknownDecision = await ReviewFlow.DecideAsync(Host, link, "maybe", accept: "application/json"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownDecision.StatusCode);
        }

        using (var huge = await ReviewFlow.DecideAsync(Host, link, "changes", new string('가', 100 * 1024)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }

        using (var tooLong = await ReviewFlow.DecideAsync(Host, link, "changes", new string('x', 5000), accept: "application/json"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        }

        Assert.Equal("AwaitingReview", (await FirmFlow.GetAsync(Host, review.Application)).GetProperty("status").GetString());
        await ReviewFlow.DecideOkAsync(Host, link, "approve"); // none of that used the real link up
        await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");
    }

    [Fact]
    public async Task AFirmNameWithMarkup_IsShownInert_OnTheReviewPage()
    {
        var json = FirmFlow.ApplicationJson().Replace("남동정밀(주)", "<script>alert('x')</script>㈜", StringComparison.Ordinal);
        using var submitted = await FirmFlow.PostAsync(Host, json);
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var application = FirmFlow.Submitted.From(body);
        await FirmFlow.ConfirmAsync(Host, application);
        await FirmFlow.UploadRequiredAsync(Host, application);
        await FirmFlow.WaitForStatusAsync(Host, application, "AwaitingReview");
        var (mail, link) = await ReviewFlow.LinkMailAsync(Host, body.GetProperty("receiptNumber").GetString()!, ReviewFlow.RequestSubject);

        using var page = await ReviewFlow.OpenAsync(Host, link);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneLinkPostedFiveTimesAtTheSameInstant_ExactlyOneDecisionStands()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);

        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 5).Select(async i =>
        {
            await start.WaitAsync();
            return await ReviewFlow.DecideAsync(Host, link, i % 2 == 0 ? "reject" : "approve", $"동시 결정 {i}");
        }).ToList();
        start.Release(5);
        var responses = await Task.WhenAll(posts);

        // The one that won decided; the others were told the step was decided (410); the firm sees one decision.
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Gone, r.StatusCode));
        var won = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
        var view = await FirmFlow.WaitForReachedAsync(Host, review.Application, won % 2 == 0 ? "Rejected" : "Approved");
        Assert.Single(FirmFlow.Timeline(view), status => status is "Rejected" or "Approved");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task MarkupAndFormulasInAFirmsFields_AreInertInTheMailsAndTheCsv()
    {
        var json = FirmFlow.ApplicationJson().Replace("남동정밀(주)", "=HYPERLINK(1)<img src=x onerror=alert(1)>", StringComparison.Ordinal);
        using var submitted = await FirmFlow.PostAsync(Host, json);
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
        var receipt = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;

        var mail = await Mailbox.WaitForAsync(Host, receipt, "접수");
        Assert.DoesNotContain("<img", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img", mail.Html, StringComparison.Ordinal);
        using var csv = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications.csv?q={receipt}");
        var row = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Contains(",'=HYPERLINK(", row, StringComparison.Ordinal); // a spreadsheet shows it as text, never runs it
    }

    async Task<HttpResponseMessage> PutAsync(ReviewFlow.InReview review)
    {
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/applications/{review.Application.ApplicationId}");
        update.Content = new StringContent(FirmFlow.ApplicationJson(review.BusinessRegistrationNumber, employees: 60), Encoding.UTF8, "application/json");
        update.Headers.Authorization = new("Bearer", review.Application.AccessToken);
        return await Host.Client.SendAsync(update);
    }

    async Task WaitForReviewMailsAsync(string receiptNumber, int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await ReviewFlow.CountMailsAsync(Host, receiptNumber, ReviewFlow.RequestSubject) < count)
        {
            Assert.True(clock.Elapsed < FirmFlow.StatusTimeout, $"Fewer than {count} review mails for {receiptNumber}.");
            await Task.Delay(250);
        }
    }
}
