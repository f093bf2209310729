namespace Serverless.LocalHost.Tests;

/// <summary>A host with a reviewer pool (two reviewers, one Escalation reviewer) and review timers too long to fire.</summary>
public class ReviewHostFixture : IntakeHostFixture
{
    public IReadOnlyList<string> Reviewers { get; private set; } = [];

    public string Escalation { get; private set; } = "";

    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [("Workflow:ReviewReminderAfter", "1.00:00:00"), ("Workflow:ReviewEscalateAfter", "2.00:00:00"), ("Workflow:ReviewDeadline", "3.00:00:00")];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Reviewers = [await AdminApi.AddReviewerAsync(Host, "김검토"), await AdminApi.AddReviewerAsync(Host, "Jane Reviewer", language: "en")];
        Escalation = await AdminApi.AddReviewerAsync(Host, "박상위", role: "Escalation");
    }
}

/// <summary>The same pool with review timers in seconds: reminder at 2 s, escalation at 4 s, expiry at 20 s.</summary>
public sealed class QuickReviewHostFixture : ReviewHostFixture
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    protected override IEnumerable<(string Key, string Value)> HostSettings =>
        [("Workflow:ReviewReminderAfter", "00:00:02"), ("Workflow:ReviewEscalateAfter", "00:00:04"),
         ("Workflow:ReviewDeadline", Deadline.ToString()), ("Workflow:ChangesDeadline", "00:00:03")];
}
