using System.Net;
using System.Net.Http.Headers;

namespace Serverless.Benchmarks.EndToEnd;

/// <summary>What reviewers and experts do: answer the form their mailed link opens.</summary>
internal static class LinkHolders
{
    public static Task<HttpStatusCode> ApproveAsync(HttpClient client, string link) =>
        PostAsync(client, link, Form(("decision", "approve"), ("noConflict", "true")));

    public static Task<HttpStatusCode> AcceptAsync(HttpClient client, string link) =>
        PostAsync(client, link, Form(("decision", "accept"), ("noConflict", "true")));

    public static Task<HttpStatusCode> ReportAsync(HttpClient client, string link) =>
        PostAsync(client, link, new MultipartFormDataContent
        {
            { new StringContent("현장 진단과 개선안 제시"), "done" },
            { new StringContent("공정 불량률 개선 방안 도출"), "outcome" },
            { new StringContent("후속 과제 제안 없음"), "followUp" },
        });

    static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    static async Task<HttpStatusCode> PostAsync(HttpClient client, string link, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, link) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
