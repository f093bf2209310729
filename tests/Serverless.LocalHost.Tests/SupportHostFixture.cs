using System.Net.Http.Json;

namespace Serverless.LocalHost.Tests;

/// <summary>
/// A host with the demo pool seeded (LocalHost:SeedDemoData) and every timer too long to fire. Tests start once the
/// six demo applications have come to rest (four in review, two waiting for documents): under load they were still
/// on their way when a test took its counts.
/// </summary>
public class SupportHostFixture : IntakeHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [("LocalHost:SeedDemoData", "true"), ("Workflow:ReviewReminderAfter", "1.00:00:00"), ("Workflow:ReviewEscalateAfter", "2.00:00:00")];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var byStatus = default(System.Text.Json.JsonElement);
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            using var response = await AdminApi.SendAsync(Host, HttpMethod.Get, "/api/admin/stats");
            byStatus = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("byStatus");
            if (Count(byStatus, "AwaitingReview") >= 4 && Count(byStatus, "AwaitingDocuments") >= 2)
            {
                return;
            }

            await Task.Delay(500);
        }

        // What the counts were and what the host printed: a CI run met this once, and the cause is in the host's log.
        var log = Host.Output.Split('\n');
        throw new TimeoutException(
            $"The demo applications did not come to rest within 3 minutes: {byStatus}.\nThe host's last lines:\n{string.Join('\n', log[^Math.Min(log.Length, 150)..])}");
    }

    static long Count(System.Text.Json.JsonElement byStatus, string status) =>
        byStatus.TryGetProperty(status, out var count) ? count.GetInt64() : 0;
}

/// <summary>The demo pool with the timers after approval in seconds: offers lapse at 5 s, reports are overdue at 4 s.</summary>
public sealed class QuickSupportHostFixture : SupportHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [.. base.HostSettings, ("Workflow:OfferDeadline", "00:00:05"), ("Workflow:EngagementReminderAfter", "00:00:02"),
         ("Workflow:EngagementDeadline", "00:00:04"), ("Workflow:LateReportWindow", "00:00:06"),
         ("Workflow:FeedbackDeadline", "00:00:03")];
}
