using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Serverless.Workflow.Http;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>What a firm does over HTTP, step by step, for the end-to-end tests.</summary>
internal static class FirmFlow
{
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(60);

    static int nextSerial = Random.Shared.Next(1000, 9000);

    /// <summary>A valid business registration number no other test of this run uses (one open application per firm).</summary>
    public static string NewFirm() => SampleApplications.BusinessRegistrationNumber(Interlocked.Increment(ref nextSerial));

    /// <summary>The sample application of docs/api.md as JSON, for the given firm.</summary>
    public static string ApplicationJson(string? businessRegistrationNumber = null, string language = "ko", int employees = 42) =>
        JsonSerializer.Serialize(
            SampleApplications.Request(businessRegistrationNumber ?? NewFirm(), language) is var request
                ? request with { Firm = request.Firm! with { Employees = employees } }
                : null,
            Json.Options);

    public static async Task<HttpResponseMessage> PostAsync(LocalHostProcess host, string json, string? idempotencyKey = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, contentType),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await host.Client.SendAsync(request);
    }

    /// <summary>An accepted application, as its POST answered.</summary>
    public sealed record Submitted(string ApplicationId, string AccessToken, string ReceiptNumber = "")
    {
        public static Submitted From(JsonElement answer) => new(
            answer.GetProperty("applicationId").GetString()!, answer.GetProperty("accessToken").GetString()!, answer.GetProperty("receiptNumber").GetString()!);
    }

    /// <summary>Submits and confirms from the receipt mail's link, as a firm does (<paramref name="confirm"/>: false leaves it waiting).</summary>
    public static async Task<Submitted> SubmitAsync(
        LocalHostProcess host, string? businessRegistrationNumber = null, int employees = 42, string? json = null, bool confirm = true)
    {
        using var response = await PostAsync(host, json ?? ApplicationJson(businessRegistrationNumber, employees: employees));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var application = Submitted.From(await response.Content.ReadFromJsonAsync<JsonElement>());
        if (confirm)
        {
            await ConfirmAsync(host, application);
        }

        return application;
    }

    /// <summary>The subject words of the receipt mail, in Korean and in English.</summary>
    public static readonly string[] ReceiptSubject = ["접수되었습니다", "has been received"];

    /// <summary>The firm's personal link in its receipt mail: the firm's page, its token in the fragment.</summary>
    public static async Task<Uri> PersonalLinkAsync(LocalHostProcess host, string receiptNumber)
    {
        var receipt = await Mailbox.WaitForAsync(host, receiptNumber, ReceiptSubject);
        return new Uri(receipt.Links.Single(link => link.Contains("/firm/", StringComparison.Ordinal)));
    }

    /// <summary>The firm's rating, as its page sends it: <c>POST …/feedback</c> with its bearer credential.</summary>
    public static async Task<HttpResponseMessage> PostFeedbackAsync(LocalHostProcess host, Submitted application, int rating, string comment = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{application.ApplicationId}/feedback")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = $"{rating}", ["comment"] = comment }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", application.AccessToken);
        return await host.Client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostConfirmAsync(LocalHostProcess host, string applicationId, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{applicationId}/confirm");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await host.Client.SendAsync(request);
    }

    /// <summary>Confirms many at once: the mailbox is read until every receipt is there, rather than once per application.</summary>
    public static async Task ConfirmAllAsync(LocalHostProcess host, IReadOnlyCollection<Submitted> applications, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var links = new Dictionary<string, Uri>();
        while (links.Count < applications.Count)
        {
            if (clock.Elapsed > (timeout ?? StatusTimeout))
            {
                throw new TimeoutException($"{links.Count} of {applications.Count} receipt mails arrived.");
            }

            foreach (var receipt in (await Mailbox.MessagesAsync(host)).Where(m => ReceiptSubject.Any(words => m.Subject.Contains(words, StringComparison.Ordinal))))
            {
                if (applications.FirstOrDefault(a => receipt.Subject.Contains(a.ReceiptNumber, StringComparison.Ordinal)) is { } application)
                {
                    links[application.ApplicationId] = new Uri(receipt.Links.Single(link => link.Contains("/firm/", StringComparison.Ordinal)));
                }
            }

            await Task.Delay(250);
        }

        await Task.WhenAll(links.Select(async link =>
        {
            using var response = await PostConfirmAsync(host, link.Key, link.Value.Fragment[1..]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }));
    }

    /// <summary>Confirms the application as the firm does: with the token of the personal link its receipt mail carries.</summary>
    public static async Task ConfirmAsync(LocalHostProcess host, Submitted application)
    {
        var link = await PersonalLinkAsync(host, application.ReceiptNumber);
        using var response = await PostConfirmAsync(host, application.ApplicationId, link.Fragment[1..]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Submits and waits until the workflow rests (AwaitingDocuments), so storage holds still afterwards.</summary>
    public static async Task<Submitted> SubmitAndSettleAsync(LocalHostProcess host)
    {
        var application = await SubmitAsync(host);
        await WaitForStatusAsync(host, application, "AwaitingDocuments");
        return application;
    }

    public static async Task<JsonElement> GetAsync(LocalHostProcess host, Submitted application) =>
        await host.GetAsync<JsonElement>($"/api/applications/{application.ApplicationId}", application.AccessToken);

    /// <summary>
    /// Polls the firm's view until it shows the status, its timeline entry included; returns the view. The status row
    /// is written a moment before the audit entry the timeline is made of (docs/architecture.md), and a view read in
    /// between holds the one without the other.
    /// </summary>
    public static async Task<JsonElement> WaitForStatusAsync(LocalHostProcess host, Submitted application, string status, TimeSpan? timeout = null)
    {
        var limit = timeout ?? StatusTimeout;
        var clock = Stopwatch.StartNew();
        JsonElement view;
        do
        {
            view = await GetAsync(host, application);
            if (view.GetProperty("status").GetString() == status && Timeline(view) is [.., var last] && last == status)
            {
                return view;
            }

            await Task.Delay(250);
        }
        while (clock.Elapsed < limit);

        throw new TimeoutException($"Still {view.GetProperty("status")} after {limit}, expected {status}.\n{host.Output}");
    }

    /// <summary>
    /// Polls the firm's view until its timeline has passed through the status (the workflow may have moved on, as an
    /// approved application does to matching) as many times as given; returns the view.
    /// </summary>
    public static async Task<JsonElement> WaitForReachedAsync(LocalHostProcess host, Submitted application, string status, int times = 1)
    {
        var clock = Stopwatch.StartNew();
        JsonElement view;
        do
        {
            view = await GetAsync(host, application);
            if (Timeline(view).Count(s => s == status) >= times)
            {
                return view;
            }

            await Task.Delay(250);
        }
        while (clock.Elapsed < StatusTimeout);

        throw new TimeoutException($"Still {view.GetProperty("status")} after {StatusTimeout}, never {status}.\n{host.Output}");
    }

    /// <summary>The timeline's statuses up to and including the first <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> TimelineUntil(JsonElement view, string status) =>
        [.. Timeline(view).TakeWhile(s => s != status), status];

    public static async Task<HttpResponseMessage> UploadAsync(
        LocalHostProcess host, Submitted application, string? kind, byte[]? file, string fileName, string? bearer = null)
    {
        using var form = new MultipartFormDataContent();
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, "file", fileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{application.ApplicationId}/documents") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? application.AccessToken);
        return await host.Client.SendAsync(request);
    }

    public static readonly string[] RequiredKinds = SampleApplications.RequiredDocumentKinds;

    /// <summary>Uploads one PDF of each required kind.</summary>
    public static async Task UploadRequiredAsync(LocalHostProcess host, Submitted application, params string[] kinds)
    {
        foreach (var kind in kinds.Length > 0 ? kinds : RequiredKinds)
        {
            using var response = await UploadAsync(host, application, kind, SmallPdf, $"{kind}.pdf");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    public static byte[] SmallPdf => SampleApplications.SmallPdf;

    public static IReadOnlyList<string> Timeline(JsonElement view) =>
        [.. view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()!)];
}
