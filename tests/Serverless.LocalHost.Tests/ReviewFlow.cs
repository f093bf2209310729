using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>What a reviewer does: finds the review mail, opens its link, decides.</summary>
internal static class ReviewFlow
{
    // Subject words in Korean and English: the pool has reviewers of both languages.
    public static readonly string[] RequestSubject = ["지원 신청 검토 요청", "Review requested"];
    public static readonly string[] ReminderSubject = ["검토 요청 (재안내)", "Reminder: review requested"];
    public static readonly string[] EscalationSubject = ["검토 요청 (상위 검토)", "Escalated review requested"];

    public sealed record InReview(FirmFlow.Submitted Application, string ReceiptNumber, string BusinessRegistrationNumber);

    /// <summary>A new firm applies with its documents; returns once the application awaits review.</summary>
    public static async Task<InReview> SubmitForReviewAsync(LocalHostProcess host, string? businessRegistrationNumber = null, string? json = null)
    {
        var application = await FirmFlow.SubmitAsync(host, businessRegistrationNumber, json: json);
        await FirmFlow.UploadRequiredAsync(host, application);
        var view = await FirmFlow.WaitForStatusAsync(host, application, "AwaitingReview");
        return new InReview(
            application, view.GetProperty("receiptNumber").GetString()!, view.GetProperty("firm").GetProperty("businessRegistrationNumber").GetString()!);
    }

    /// <summary>The mail about the application with these subject words, and the path of the link it carries.</summary>
    public static async Task<(MailMessage Mail, string Link)> LinkMailAsync(LocalHostProcess host, string receiptNumber, string[] subjectWords)
    {
        var mail = await Mailbox.WaitForAsync(host, receiptNumber, subjectWords);
        var link = Assert.Single(mail.Links, l => l.Contains("/api/links/", StringComparison.Ordinal));
        return (mail, new Uri(link).AbsolutePath);
    }

    public static async Task<HttpResponseMessage> OpenAsync(LocalHostProcess host, string link, string accept = "text/html")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await host.Client.SendAsync(request);
    }

    /// <summary>Posts the review form as a browser does (or, with another Accept, as an API client), declaring no conflict unless told.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(
        LocalHostProcess host, string link, string? decision, string? comment = null, string accept = "text/html", bool noConflict = true)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (decision is not null)
        {
            fields.Add(new("decision", decision));
        }

        if (noConflict)
        {
            fields.Add(new("noConflict", "true"));
        }

        if (comment is not null)
        {
            fields.Add(new("comment", comment));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, link) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await host.Client.SendAsync(request);
    }

    public static async Task<string> DecideOkAsync(LocalHostProcess host, string link, string decision, string? comment = null)
    {
        using var response = await DecideAsync(host, link, decision, comment);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {page}");
        return page;
    }

    /// <summary>How many mails about the application have these subject words (after a moment for any late duplicate).</summary>
    public static async Task<int> CountMailsAsync(LocalHostProcess host, string receiptNumber, params string[] subjectWords) =>
        (await Mailbox.MessagesAsync(host)).Count(m => Mailbox.IsAbout(m, receiptNumber, subjectWords));

    /// <summary>The reviewer a mail went to.</summary>
    public static async Task<JsonElement> RecipientAsync(LocalHostProcess host, MailMessage mail) =>
        (await AdminApi.ReviewersAsync(host)).Single(r => r.GetProperty("email").GetString() == mail.To.Single());

    /// <summary>Korean or English, as the reviewer reads.</summary>
    public static string Say(JsonElement reviewer, string korean, string english) =>
        reviewer.GetProperty("language").GetString() == "en" ? english : korean;

    /// <summary>Polls a reviewer until their pending-review count is the expected one.</summary>
    public static async Task WaitForPendingReviewsAsync(LocalHostProcess host, string reviewerId, int expected)
    {
        var clock = Stopwatch.StartNew();
        int pending;
        do
        {
            pending = (await AdminApi.ReviewerAsync(host, reviewerId)).GetProperty("pendingReviews").GetInt32();
            if (pending == expected)
            {
                return;
            }

            await Task.Delay(200);
        }
        while (clock.Elapsed < FirmFlow.StatusTimeout);

        Assert.Fail($"Reviewer {reviewerId} has {pending} pending reviews, expected {expected}.");
    }
}
