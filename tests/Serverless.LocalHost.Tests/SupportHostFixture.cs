namespace Serverless.LocalHost.Tests;

/// <summary>A host with the demo pool seeded (LocalHost:SeedDemoData) and every timer too long to fire.</summary>
public class SupportHostFixture : IntakeHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [("LocalHost:SeedDemoData", "true"), ("Workflow:ReviewReminderAfter", "1.00:00:00"), ("Workflow:ReviewEscalateAfter", "2.00:00:00")];
}

/// <summary>The demo pool with the timers after approval in seconds: offers lapse at 5 s, reports are overdue at 4 s.</summary>
public sealed class QuickSupportHostFixture : SupportHostFixture
{
    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [.. base.HostSettings, ("Workflow:OfferDeadline", "00:00:05"), ("Workflow:EngagementReminderAfter", "00:00:02"),
         ("Workflow:EngagementDeadline", "00:00:04"), ("Workflow:FeedbackDeadline", "00:00:03")];
}
