using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>What a firm does over HTTP, step by step, for the end-to-end tests.</summary>
internal static class FirmFlow
{
    /// <summary>Long enough for a crash recovery: a message hidden by a killed host reappears after 30 s.</summary>
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(90);

    public const string SampleApplication = """
        {
          "language": "ko",
          "firm": {
            "businessRegistrationNumber": "124-81-00998",
            "name": "남동정밀(주)",
            "representative": "홍길동",
            "foundedOn": "2015-03-01",
            "industryCode": "C29",
            "employees": 42,
            "technicalStaff": 8,
            "email": "ceo@example.com"
          },
          "financials": [ { "year": 2025, "revenueKrw": 5200000000, "exportKrw": 800000000, "rdSpendKrw": 300000000 } ],
          "technology": { "trl": 6, "patents": 3, "hasResearchLab": true, "certifications": ["Innobiz"] },
          "selfAssessment": { "rnd": 3, "commercialization": 4, "marketing": 2, "people": 2, "finance": 3, "management": 3 },
          "difficulties": [ { "category": "Export", "description": "해외 판로 개척" } ]
        }
        """;

    public sealed record Submitted(string ApplicationId, string AccessToken);

    public static async Task<Submitted> SubmitAsync(LocalHostProcess host)
    {
        using var content = new StringContent(SampleApplication, System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync(new Uri("/api/applications", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Submitted(body.GetProperty("applicationId").GetString()!, body.GetProperty("accessToken").GetString()!);
    }

    public static async Task<JsonElement> GetAsync(LocalHostProcess host, Submitted application) =>
        await host.GetAsync<JsonElement>($"/api/applications/{application.ApplicationId}", application.AccessToken);

    /// <summary>Polls the firm's view until it shows the status; returns the view.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(LocalHostProcess host, Submitted application, string status)
    {
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
        while (clock.Elapsed < StatusTimeout);

        throw new TimeoutException($"Still {view.GetProperty("status")} after {StatusTimeout}, expected {status}.\n{host.Output}");
    }

    public static async Task<HttpResponseMessage> UploadAsync(LocalHostProcess host, Submitted application, string kind, byte[] file, string fileName)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{application.ApplicationId}/documents") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", application.AccessToken);
        return await host.Client.SendAsync(request);
    }

    public static byte[] SmallPdf => "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    public static IReadOnlyList<string> Timeline(JsonElement view) =>
        [.. view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()!)];
}
