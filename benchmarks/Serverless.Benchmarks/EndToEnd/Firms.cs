using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Serverless.Testing;
using Serverless.Workflow.Applications;
using Serverless.Workflow.Http;

namespace Serverless.Benchmarks.EndToEnd;

/// <summary>An application as its POST answered.</summary>
internal sealed record Submitted(string ApplicationId, string AccessToken, string ReceiptNumber);

/// <summary>What firms do over HTTP: apply with their documents and rate the support.</summary>
internal static class Firms
{
    /// <summary>The sample application of docs/api.md for the firm, as JSON.</summary>
    public static string ApplicationJson(string businessRegistrationNumber) =>
        JsonSerializer.Serialize(SampleApplications.Request(businessRegistrationNumber), Json.Options);

    /// <summary>POST /api/applications: the application when it answered 202, and the answer's status.</summary>
    public static async Task<(Submitted? Application, HttpStatusCode Status)> ApplyAsync(HttpClient client, string businessRegistrationNumber)
    {
        using var content = new StringContent(ApplicationJson(businessRegistrationNumber), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/applications", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (null, response.StatusCode);
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (new Submitted(answer.GetProperty("applicationId").GetString()!, answer.GetProperty("accessToken").GetString()!, answer.GetProperty("receiptNumber").GetString()!), response.StatusCode);
    }

    /// <summary>Uploads one PDF of each required kind; the first answer that is not 201, or 201.</summary>
    public static async Task<HttpStatusCode> UploadDocumentsAsync(HttpClient client, Submitted application)
    {
        foreach (var kind in SampleApplications.RequiredDocumentKinds)
        {
            using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
            var file = new ByteArrayContent(SampleApplications.SmallPdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", $"{kind}.pdf");
            using var response = await SendAsync(client, HttpMethod.Post, $"/api/applications/{application.ApplicationId}/documents", application.AccessToken, form);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return response.StatusCode;
            }
        }

        return HttpStatusCode.Created;
    }

    /// <summary>Confirms from the receipt mail's personal link (its token is the fragment), as the firm's page does.</summary>
    public static async Task<HttpStatusCode> ConfirmAsync(HttpClient client, string applicationId, Uri personalLink)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"/api/applications/{applicationId}/confirm", personalLink.Fragment[1..]);
        return response.StatusCode;
    }

    public static async Task<HttpStatusCode> GiveFeedbackAsync(HttpClient client, Submitted application)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "5", ["comment"] = "도움이 되었습니다" });
        using var response = await SendAsync(client, HttpMethod.Post, $"/api/applications/{application.ApplicationId}/feedback", application.AccessToken, form);
        return response.StatusCode;
    }

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string bearer, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }
}

/// <summary>Valid business registration numbers no earlier run used: a random office code, then serials.</summary>
internal sealed class FirmNumbers
{
    readonly int office = Random.Shared.Next(101, 1000);
    int serial;

    public string Next()
    {
        var n = Interlocked.Increment(ref serial);
        var nine = string.Create(CultureInfo.InvariantCulture, $"{office}{81 + (n / 10000 % 8)}{n % 10000:D4}");
        var check = Enumerable.Range(0, 10).First(c => BusinessRegistrationNumber.HasValidCheckDigit(nine + c));
        return $"{nine[..3]}-{nine[3..5]}-{nine[5..]}{check}";
    }
}
