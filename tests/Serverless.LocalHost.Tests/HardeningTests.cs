using System.Net;
using System.Text;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// What every response and every log line of the local host must hold to: the security headers, the write limit per
/// client address, and no secret (access token, link token, admin key) in what the host writes out over a whole tour.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class HardeningTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        await using var host = await LocalHostProcess.StartAsync(azurite, ("LocalHost:AdminKey", IntakeHostFixture.AdminKey));
        using var json = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var dashboard = await host.Client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var mailbox = await host.Client.GetAsync(new Uri("/dev/mailbox", UriKind.Relative));
        using var problem = await FirmFlow.PostAsync(host, "{");
        using var forbidden = await AdminApi.SendAsync(host, HttpMethod.Get, "/api/admin/stats", key: "wrong");
        using var linkPage = await ReviewFlow.DecideAsync(host, $"/api/links/{new string('A', 43)}", "approve");

        foreach (var response in new[] { json, dashboard, mailbox, problem, forbidden, linkPage })
        {
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath} ({(int)response.StatusCode})";
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", what);
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", what);
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", what);
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policies), what);
            var policy = policies.Single();
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src 'unsafe-inline'", policy, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), what); // HSTS only over HTTPS (Azure)
        }
    }

    [Fact]
    public async Task AnonymousWrites_BeyondTheLimitPerAddress_Are429WithRetryAfter_WhileReadsAndAdminGoOn()
    {
        await using var host = await LocalHostProcess.StartAsync(
            azurite, ("LocalHost:AdminKey", IntakeHostFixture.AdminKey), ("LocalHost:AnonymousWritesPerMinute", "3"));
        for (var i = 0; i < 3; i++)
        {
            using var counted = await FirmFlow.PostAsync(host, "{");
            Assert.Equal(HttpStatusCode.BadRequest, counted.StatusCode);
        }

        using var limited = await FirmFlow.PostAsync(host, FirmFlow.ApplicationJson());
        using var read = await host.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        using var admin = await AdminApi.SendAsync(host, HttpMethod.Get, "/api/admin/stats");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    /// <summary>With the host's shipped log levels (ASP.NET Core's request lines, which carry paths, stay at Warning).</summary>
    [Fact]
    public async Task AWholeTour_WritesNoSecretToTheHostsOutput()
    {
        await using var host = await LocalHostProcess.StartAsync(
            azurite, ("LocalHost:AdminKey", IntakeHostFixture.AdminKey), ("Workflow:FeedbackDeadline", "00:00:05"));
        await AdminApi.AddReviewerAsync(host, "로그검토");
        await SupportFlow.AddExpertAsync(host, "로그전문가", ["Export", "Marketing"], max: 4);

        var firm = FirmFlow.NewFirm();
        var review = await ReviewFlow.SubmitForReviewAsync(host, firm, SupportFlow.ApplicationJson(firm, ["Export"]));
        var (_, reviewLink) = await ReviewFlow.LinkMailAsync(host, review.ReceiptNumber, ReviewFlow.RequestSubject);
        await ReviewFlow.DecideOkAsync(host, reviewLink, "approve");
        var inProgress = await FirmFlow.WaitForReachedAsync(host, review.Application, "Approved");
        var tasks = inProgress.GetProperty("plan").GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("taskId").GetString()!).ToList();
        foreach (var task in tasks)
        {
            await SupportFlow.AcceptAsync(host, review.ReceiptNumber, task);
        }

        foreach (var task in tasks)
        {
            var (_, report) = await SupportFlow.TaskMailAsync(host, review.ReceiptNumber, task, SupportFlow.EngagementSubject);
            using var reported = await SupportFlow.ReportAsync(host, report, "보고");
            Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        }

        await FirmFlow.WaitForStatusAsync(host, review.Application, "Completed");

        var links = (await Mailbox.MessagesAsync(host)).SelectMany(m => m.Links).ToList();
        var secrets = links
            .Where(link => link.Contains("/api/links/", StringComparison.Ordinal))
            .Select(link => link[(link.IndexOf("/api/links/", StringComparison.Ordinal) + "/api/links/".Length)..])
            .Concat(links.Where(link => link.Contains("/firm/", StringComparison.Ordinal)).Select(link => new Uri(link).Fragment[1..])) // personal links, one used to confirm
            .Append(review.Application.AccessToken)
            .Append(IntakeHostFixture.AdminKey)
            .ToList();
        Assert.True(secrets.Count >= 6, "the tour mailed its links");
        var output = host.Output;
        Assert.True(output.Length > 1000, "the host logged the tour");
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
    }
}
