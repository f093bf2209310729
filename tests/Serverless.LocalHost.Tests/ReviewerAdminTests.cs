using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>/api/admin/reviewers behind the admin key, over real HTTP.</summary>
public sealed class ReviewerAdminTests(IntakeHostFixture fixture) : IClassFixture<IntakeHostFixture>
{
    LocalHostProcess Host => fixture.Host;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-the-key", HttpStatusCode.Forbidden)]
    [InlineData(IntakeHostFixture.AdminKey + "x", HttpStatusCode.Forbidden)]
    public async Task AdminRoutes_WithoutTheRightKey_AreRefused(string? key, HttpStatusCode expected)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/admin/reviewers", key: key);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Reviewer_CreateReadChangeDelete()
    {
        var email = $"reviewer-{Guid.NewGuid():N}@example.org";
        using var created = await SendAsync(HttpMethod.Post, "/api/admin/reviewers",
            new { name = "김심사", email, role = "Reviewer", language = "ko", conflictBusinessRegistrationNumbers = (string[])["1248100998"] });
        var reviewer = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = reviewer.GetProperty("reviewerId").GetString()!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/admin/reviewers/{id}", created.Headers.Location!.ToString());
        Assert.Equal(["124-81-00998"], reviewer.GetProperty("conflictBusinessRegistrationNumbers").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(0, reviewer.GetProperty("pendingReviews").GetInt32());
        Assert.True(reviewer.GetProperty("active").GetBoolean());

        using var listed = await SendAsync(HttpMethod.Get, "/api/admin/reviewers");
        Assert.Contains((await listed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), r => r.GetProperty("reviewerId").GetString() == id);

        var newEmail = $"escalation-{Guid.NewGuid():N}@example.org";
        using var changed = await SendAsync(HttpMethod.Put, $"/api/admin/reviewers/{id}",
            new { name = "김심사", email = newEmail, role = "Escalation", active = false });
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(("Escalation", false, newEmail), (after.GetProperty("role").GetString(), after.GetProperty("active").GetBoolean(), after.GetProperty("email").GetString()));

        // The old email is free again; the new one is taken.
        using (var reused = await SendAsync(HttpMethod.Post, "/api/admin/reviewers", new { name = "다른 심사위원", email }))
        {
            Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        }

        using var deleted = await SendAsync(HttpMethod.Delete, $"/api/admin/reviewers/{id}");
        using var gone = await SendAsync(HttpMethod.Get, $"/api/admin/reviewers/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Create_AnEmailAlreadyRegistered_InAnyCase_Returns409()
    {
        var email = $"twice-{Guid.NewGuid():N}@example.org";
        using var first = await SendAsync(HttpMethod.Post, "/api/admin/reviewers", new { name = "박심사", email });

        using var second = await SendAsync(HttpMethod.Post, "/api/admin/reviewers", new { name = "박심사", email = email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Create_BrokenRules_Returns400WithEachPath()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/admin/reviewers",
            new { name = "", email = "nope", role = "Boss", conflictBusinessRegistrationNumbers = (string[])["124-81-00998", "124-81-00997"] });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["conflictBusinessRegistrationNumbers[1]", "email", "name", "role"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("x' or PartitionKey ne 'x")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task UnknownOrMalformedReviewerId_Returns404(string id)
    {
        using var get = await SendAsync(HttpMethod.Get, $"/api/admin/reviewers/{Uri.EscapeDataString(id)}");
        using var delete = await SendAsync(HttpMethod.Delete, $"/api/admin/reviewers/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? key = IntakeHostFixture.AdminKey) =>
        AdminApi.SendAsync(Host, method, path, body, key);
}
