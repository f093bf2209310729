using System.Net;
using Xunit;
using Xunit.Abstractions;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// Terminal means terminal: an admin's terminate raced a hundred times against the steps in flight after a firm's
/// last upload (screening, diagnosis, taking a reviewer, mailing the review link, recording the status). Whatever the
/// moment, the application stays Terminated and holds nothing.
/// </summary>
[Collection(OneAtATimeTests.Name)]
public sealed class TerminateRaceTests(ReviewHostFixture fixture, ITestOutputHelper output) : IClassFixture<ReviewHostFixture>
{
    const int Races = 100;

    [Fact]
    public async Task TerminateRacingInFlightSteps_AHundredTimes_StaysTerminated_AndGivesEveryReviewBack()
    {
        var host = fixture.Host;
        var applications = await People.InParallelAsync(Enumerable.Range(0, Races), async race =>
        {
            var application = await FirmFlow.SubmitAsync(host);
            await FirmFlow.UploadRequiredAsync(host, application);

            // From at once to well after the review link went out: every step of the way is hit by some race.
            await Task.Delay(TimeSpan.FromMilliseconds(race * 30));
            using var terminated = await AdminApi.SendAsync(
                host, HttpMethod.Post, $"/api/admin/applications/{application.ApplicationId}/terminate", new { reason = $"경합 {race}" });
            Assert.Equal(HttpStatusCode.Accepted, terminated.StatusCode);
            return application;
        });

        // Anything still on its way has landed (or been refused) by now.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var views = await People.InParallelAsync(applications, a => FirmFlow.GetAsync(host, a));
        Assert.All(views, view =>
        {
            Assert.Equal("Terminated", view.GetProperty("status").GetString());
            Assert.Equal("Terminated", FirmFlow.Timeline(view)[^1]);
            Assert.Single(FirmFlow.Timeline(view), status => status == "Terminated");
        });
        foreach (var reviewer in await AdminApi.ReviewersAsync(host))
        {
            Assert.Equal(0, reviewer.GetProperty("pendingReviews").GetInt32());
        }

        var reachedReview = views.Count(view => FirmFlow.Timeline(view).Contains("AwaitingReview"));
        output.WriteLine($"{Races} terminates: {reachedReview} after the review request, {Races - reachedReview} before it");
        Assert.InRange(reachedReview, 1, Races - 1); // the races did land on both sides of the steps in flight
    }
}
