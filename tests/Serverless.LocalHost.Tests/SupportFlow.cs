using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>What experts and firms do after approval: answer offers, report, give feedback, by their links.</summary>
internal static class SupportFlow
{
    public static readonly string[] OfferSubject = ["전문가 과제 수행 요청", "Support task offered"];
    public static readonly string[] EngagementSubject = ["과제 수행 및 결과 보고 안내", "Your task and its report"];
    public static readonly string[] ReportReminderSubject = ["결과 보고 요청 (재안내)", "Reminder: report due"];

    /// <summary>The sample application with these difficulties (one task each, in order) and, optionally, another firm name.</summary>
    public static string ApplicationJson(string businessRegistrationNumber, string[] categories, string? firmName = null)
    {
        var json = JsonNode.Parse(FirmFlow.ApplicationJson(businessRegistrationNumber))!;
        json["difficulties"] = new JsonArray([.. categories.Select(c => (JsonNode)new JsonObject { ["category"] = c, ["description"] = $"{c} 지원 요청" })]);
        if (firmName is not null)
        {
            json["firm"]!["name"] = firmName;
        }

        return json.ToJsonString();
    }

    /// <summary>A new firm applies, its reviewer approves: returns once matching has begun.</summary>
    public static async Task<ReviewFlow.InReview> ApprovedAsync(LocalHostProcess host, string[]? categories = null, string? firmName = null)
    {
        var firm = FirmFlow.NewFirm();
        var review = await ReviewFlow.SubmitForReviewAsync(host, firm, ApplicationJson(firm, categories ?? ["Export"], firmName));
        var (_, link) = await ReviewFlow.LinkMailAsync(host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(host, link, "approve");
        return review;
    }

    /// <summary>The mail about one task with these subject words whose link is none of <paramref name="seen"/>.</summary>
    public static Task<(MailMessage Mail, string Link)> TaskMailAsync(
        LocalHostProcess host, string receiptNumber, string taskId, string[] subjectWords, params string[] seen) =>
        TaskMailAsync(host, receiptNumber, taskId, subjectWords, FirmFlow.StatusTimeout, seen);

    /// <summary>As above, waiting as long as given (after a crash, a killed host's steps come back only after a while).</summary>
    public static async Task<(MailMessage Mail, string Link)> TaskMailAsync(
        LocalHostProcess host, string receiptNumber, string taskId, string[] subjectWords, TimeSpan within, params string[] seen)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            foreach (var mail in await Mailbox.MessagesAsync(host))
            {
                if (Mailbox.IsAbout(mail, receiptNumber, subjectWords) && mail.Subject.EndsWith($"({taskId})", StringComparison.Ordinal))
                {
                    var link = new Uri(mail.Links.Single(l => l.Contains("/api/links/", StringComparison.Ordinal))).AbsolutePath;
                    if (!seen.Contains(link))
                    {
                        return (mail, link);
                    }
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No new mail '{subjectWords[0]}' for {receiptNumber} {taskId}.\n{host.Output}");
    }

    public static async Task<HttpResponseMessage> AnswerAsync(LocalHostProcess host, string link, string decision, bool noConflict = true)
    {
        var fields = new Dictionary<string, string> { ["decision"] = decision };
        if (noConflict)
        {
            fields["noConflict"] = "true";
        }

        return await PostFormAsync(host, link, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> ReportAsync(LocalHostProcess host, string link, string summary, byte[]? file = null, string fileName = "report.pdf")
    {
        var form = new MultipartFormDataContent { { new StringContent(summary), "summary" } };
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, "file", fileName);
        }

        return await PostFormAsync(host, link, form);
    }

    /// <summary>Accepts the task's first offer; returns the expert it went to.</summary>
    public static async Task<JsonElement> AcceptAsync(LocalHostProcess host, string receiptNumber, string taskId)
    {
        var (mail, link) = await TaskMailAsync(host, receiptNumber, taskId, OfferSubject);
        using var accepted = await AnswerAsync(host, link, "accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return await ExpertByEmailAsync(host, mail.To.Single());
    }

    public static async Task<JsonElement> ExpertByEmailAsync(LocalHostProcess host, string email)
    {
        using var response = await AdminApi.SendAsync(host, HttpMethod.Get, "/api/admin/experts");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(e => e.GetProperty("email").GetString() == email);
    }

    public static async Task<JsonElement> ExpertAsync(LocalHostProcess host, string expertId)
    {
        using var response = await AdminApi.SendAsync(host, HttpMethod.Get, $"/api/admin/experts/{expertId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Adds an expert; returns its id.</summary>
    public static async Task<string> AddExpertAsync(LocalHostProcess host, string name, string[] fields, int years = 10, int max = 2, string organization = "테스트전문기관")
    {
        using var created = await AdminApi.SendAsync(host, HttpMethod.Post, "/api/admin/experts", new
        {
            name, email = $"expert-{Guid.NewGuid():N}@example.org", organization, sector = "Industry", fields,
            yearsOfExperience = years, maxActiveAssignments = max, language = "ko",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expertId").GetString()!;
    }

    static async Task<HttpResponseMessage> PostFormAsync(LocalHostProcess host, string link, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, link) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await host.Client.SendAsync(request);
    }
}
