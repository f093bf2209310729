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

    public sealed record Submitted(string ApplicationId, string AccessToken);

    public static async Task<Submitted> SubmitAsync(LocalHostProcess host, string? businessRegistrationNumber = null, int employees = 42, string? json = null)
    {
        using var response = await PostAsync(host, json ?? ApplicationJson(businessRegistrationNumber, employees: employees));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Submitted(body.GetProperty("applicationId").GetString()!, body.GetProperty("accessToken").GetString()!);
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

    /// <summary>Polls the firm's view until it shows the status; returns the view.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(LocalHostProcess host, Submitted application, string status, TimeSpan? timeout = null)
    {
        var limit = timeout ?? StatusTimeout;
        var clock = Stopwatch.StartNew();
        JsonElement view;
        do
        {
            view = await GetAsync(host, application);
            if (view.GetProperty("status").GetString() == status)
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

    public static readonly string[] RequiredKinds = ["BusinessRegistration", "FinancialStatements", "BusinessPlan"];

    /// <summary>Uploads one PDF of each required kind.</summary>
    public static async Task UploadRequiredAsync(LocalHostProcess host, Submitted application, params string[] kinds)
    {
        foreach (var kind in kinds.Length > 0 ? kinds : RequiredKinds)
        {
            using var response = await UploadAsync(host, application, kind, SmallPdf, $"{kind}.pdf");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    public static byte[] SmallPdf => "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    public static IReadOnlyList<string> Timeline(JsonElement view) =>
        [.. view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()!)];
}
