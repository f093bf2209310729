using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Serverless.Testing;

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
}
