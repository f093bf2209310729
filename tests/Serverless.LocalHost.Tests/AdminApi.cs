using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>Calls to /api/admin routes with the admin key, as the dashboard makes them.</summary>
internal static class AdminApi
{
    public static async Task<HttpResponseMessage> SendAsync(
        LocalHostProcess host, HttpMethod method, string path, object? body = null, string? key = IntakeHostFixture.AdminKey)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        return await host.Client.SendAsync(request);
    }

    /// <summary>Adds a reviewer to the pool; returns its id.</summary>
    public static async Task<string> AddReviewerAsync(LocalHostProcess host, string name, string role = "Reviewer", string language = "ko", params string[] conflicts)
    {
        using var created = await SendAsync(host, HttpMethod.Post, "/api/admin/reviewers",
            new { name, email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", role, language, conflictBusinessRegistrationNumbers = conflicts });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewerId").GetString()!;
    }

    public static async Task<JsonElement> ReviewerAsync(LocalHostProcess host, string reviewerId)
    {
        using var response = await SendAsync(host, HttpMethod.Get, $"/api/admin/reviewers/{reviewerId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<JsonElement>> ReviewersAsync(LocalHostProcess host)
    {
        using var response = await SendAsync(host, HttpMethod.Get, "/api/admin/reviewers");
        response.EnsureSuccessStatusCode();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    /// <summary>Creates a call for applications (Korea time on the way in, as the dashboard sends it); returns its id.</summary>
    public static async Task<string> CreateCallAsync(
        LocalHostProcess host, string programme, DateTimeOffset opensAt, DateTimeOffset closesAt, long budgetKrw = 300_000_000,
        int? maxApplications = null, string[]? miniClusters = null)
    {
        using var created = await SendAsync(host, HttpMethod.Post, "/api/admin/calls", new
        {
            programme,
            title = new { ko = "2027년 기업성장단계별 맞춤형 지원사업", en = "2027 customised support by company growth stage" },
            opensAt = opensAt.ToOffset(TimeSpan.FromHours(9)),
            closesAt = closesAt.ToOffset(TimeSpan.FromHours(9)),
            budgetKrw,
            miniClusters,
            maxApplications,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callId").GetString()!;
    }

    public static async Task<JsonElement> CallAsync(LocalHostProcess host, string callId)
    {
        using var response = await SendAsync(host, HttpMethod.Get, $"/api/admin/calls/{callId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Closes an open call now, as the dashboard's button does.</summary>
    public static Task CloseCallAsync(LocalHostProcess host, string callId) => ChangeCallAsync(host, callId, closeNow: true);

    /// <summary>Gives a call another budget, the rest of it as it is.</summary>
    public static Task SetBudgetAsync(LocalHostProcess host, string callId, long budgetKrw) => ChangeCallAsync(host, callId, budgetKrw: budgetKrw);

    /// <summary>Sends the call back as it reads, with these changes, as the dashboard's buttons do.</summary>
    static async Task ChangeCallAsync(LocalHostProcess host, string callId, bool? closeNow = null, long? budgetKrw = null)
    {
        var call = System.Text.Json.Nodes.JsonNode.Parse((await CallAsync(host, callId)).GetRawText())!.AsObject();
        call["closeNow"] = closeNow;
        call["budgetKrw"] = budgetKrw ?? call["budgetKrw"]!.GetValue<long>();
        using var changed = await SendAsync(host, HttpMethod.Put, $"/api/admin/calls/{callId}", call);
        Assert.Equal(System.Net.HttpStatusCode.OK, changed.StatusCode);
    }
}
