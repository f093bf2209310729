using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// The reviewer's page in headless Chromium: the whole application with every document opened through the link, no
/// decision without the no-conflict declaration, and a recusal that hands the review to the next reviewer once.
/// </summary>
public sealed class ReviewPageTests(ReviewHostFixture fixture) : BrowserTests, IClassFixture<ReviewHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Fact]
    public async Task TheReviewer_OpensEveryDocument_AndDecidesOnlyWithTheDeclaration()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 } });
        await page.GotoAsync(new Uri(Host.BaseAddress, link).ToString());

        var main = await page.InnerTextAsync("main");
        Assert.Contains(review.BusinessRegistrationNumber, main, StringComparison.Ordinal);
        var years = (await FirmFlow.GetAsync(Host, review.Application)).GetProperty("form").GetProperty("financials").GetArrayLength();
        Assert.Equal(years, await page.Locator("table.money").First.Locator("tbody tr").CountAsync()); // a row per financial year
        Assert.Equal(6, await page.Locator("table.chart tbody tr meter").CountAsync());
        var documents = page.Locator("ul.documents a");
        Assert.Equal(3, await documents.CountAsync());
        foreach (var document in await documents.AllAsync())
        {
            var download = await page.RunAndWaitForDownloadAsync(() => document.ClickAsync());
            Assert.Equal(await document.InnerTextAsync(), download.SuggestedFilename);
            Assert.Equal(FirmFlow.SmallPdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
        }

        await Browsers.ShotAsync(page, "review-1-page-375");
        await Browsers.AssertAccessibleAsync(page);

        // Approving without the declaration is refused at it, and the link still decides afterwards.
        await page.CheckAsync("input[name=decision][value=approve]");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        var declaration = page.Locator("input[name=noConflict]");
        Assert.Equal("true", await declaration.GetAttributeAsync("aria-invalid"));
        Assert.Contains("noConflict", await page.InnerTextAsync("#" + await declaration.GetAttributeAsync("aria-describedby")), StringComparison.Ordinal);
        await Browsers.ShotAsync(page, "review-2-declaration-missing-375");
        await page.CheckAsync("input[name=decision][value=approve]");
        await page.CheckAsync("input[name=noConflict]");
        var decided = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(200, decided.Status);
        await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");

        // Used, the link opens no document any more.
        var firstDocument = (await FirmFlow.GetAsync(Host, review.Application)).GetProperty("documents")[0].GetProperty("documentId").GetString();
        using var after = await Host.Client.GetAsync(new Uri($"{link}/documents/{firstDocument}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, after.StatusCode);
    }

    [Fact]
    public async Task AConflict_RecusesTheReviewer_AndTheNextReviewerIsAskedOnce()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (mail, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        var first = await ReviewFlow.RecipientAsync(Host, mail);

        // Another application's document through this link is not this application's: 404.
        var other = await ReviewFlow.SubmitForReviewAsync(Host);
        var othersDocument = (await FirmFlow.GetAsync(Host, other.Application)).GetProperty("documents")[0].GetProperty("documentId").GetString();
        using (var foreign = await Host.Client.GetAsync(new Uri($"{link}/documents/{othersDocument}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var recused = await ReviewFlow.DecideAsync(Host, link, "conflict", noConflict: false))
        {
            Assert.Equal(HttpStatusCode.OK, recused.StatusCode);
        }

        var handedOn = await NextRequestAsync(review.ReceiptNumber, mail.Id);
        var second = await ReviewFlow.RecipientAsync(Host, handedOn);
        Assert.NotEqual(first.GetProperty("reviewerId").GetString(), second.GetProperty("reviewerId").GetString());
        Assert.Contains(review.BusinessRegistrationNumber,
            (await AdminApi.ReviewerAsync(Host, first.GetProperty("reviewerId").GetString()!)).GetProperty("conflictBusinessRegistrationNumbers")
                .EnumerateArray().Select(b => b.GetString()));
        using (var again = await ReviewFlow.DecideAsync(Host, link, "approve"))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        }

        // Exactly once: no second request to anyone a while later, and the audit trail says who stepped aside.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, await ReviewFlow.CountMailsAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject));
        using var detail = await AdminApi.SendAsync(Host, HttpMethod.Get, $"/api/admin/applications/{review.Application.ApplicationId}");
        var events = (await detail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray();
        Assert.Single(events, e => e.GetProperty("type").GetString() == "ReviewerRecused" && e.GetProperty("actor").GetString() == first.GetProperty("reviewerId").GetString());

        // The next reviewer decides as usual.
        await ReviewFlow.DecideOkAsync(Host, new Uri(handedOn.Links.Single(l => l.Contains("/api/links/", StringComparison.Ordinal))).AbsolutePath, "approve");
        await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");
    }

    [Fact]
    public async Task ARecusalRacingADecisionOfTheSameLink_OneWins()
    {
        var review = await ReviewFlow.SubmitForReviewAsync(Host);
        var (_, link) = await ReviewFlow.LinkMailAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);

        var answers = await Task.WhenAll(ReviewFlow.DecideAsync(Host, link, "conflict", noConflict: false), ReviewFlow.DecideAsync(Host, link, "approve"));
        var (recusal, decision) = (answers[0].StatusCode, answers[1].StatusCode);
        Array.ForEach(answers, a => a.Dispose());

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Gone], new[] { recusal, decision }.Order());
        if (decision == HttpStatusCode.OK)
        {
            await FirmFlow.WaitForReachedAsync(Host, review.Application, "Approved");
        }
        else
        {
            // The recusal stood: the review went on to the next reviewer, and the approval of this link changed nothing.
            var first = await Mailbox.WaitForAsync(Host, review.ReceiptNumber, ReviewFlow.RequestSubject);
            await NextRequestAsync(review.ReceiptNumber, first.Id);
            Assert.Equal("AwaitingReview", (await FirmFlow.GetAsync(Host, review.Application)).GetProperty("status").GetString());
        }
    }

    /// <summary>The review request about the application that is not the given mail.</summary>
    async Task<MailMessage> NextRequestAsync(string receiptNumber, string seenMailId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < FirmFlow.StatusTimeout)
        {
            if ((await Mailbox.MessagesAsync(Host)).FirstOrDefault(m => m.Id != seenMailId && Mailbox.IsAbout(m, receiptNumber, ReviewFlow.RequestSubject)) is { } next)
            {
                return next;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No second review request for {receiptNumber}.\n{Host.Output}");
    }
}
