using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Orchestration;

/// <summary>Every timer and deadline of the workflow (docs/workflow.md), as options so tests run them in seconds.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>How long a firm has to confirm its application from the receipt mail's link before it expires (no mail).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ConfirmationDeadline { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long after its application ended a firm's personal link still opens the firm's page.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan FirmLinkRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long a firm has to complete its required documents before the application expires.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DocumentsDeadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>When a firm still missing documents is reminded (once); none when this is not before the deadline.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DocumentsReminderAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>When the reviewer is reminded (once, with a new link replacing the first).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ReviewReminderAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>When an Escalation reviewer is asked as well (the first decision of either wins).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ReviewEscalateAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long a review round may take before the application expires; review links expire with it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ReviewDeadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a firm has to resubmit after a reviewer asked for changes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan ChangesDeadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long an expert has to answer an offer before it goes to the next candidate.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan OfferDeadline { get; set; } = TimeSpan.FromDays(3);

    /// <summary>When an expert who has not reported is reminded (once, with a new link).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "730.00:00:00")]
    public TimeSpan EngagementReminderAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>When a task without a report is flagged and the staff told; the wait for the report goes on.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "730.00:00:00")]
    public TimeSpan EngagementDeadline { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// How long past the engagement deadline a report link still opens (a late report is still taken); after it, the
    /// expert needs a new link, which an admin's resend mails.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan LateReportWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the firm's feedback is waited for; without it the application completes all the same.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan FeedbackDeadline { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The wait before an activity that failed is tried again the first time; each wait doubles.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ActivityRetryFirstInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two tries of an activity.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan ActivityRetryMaxInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a failing activity is tried again before the application is Failed: long enough that an outage of
    /// storage or SendGrid (minutes) fails nothing, so Failed is left for defects (which an admin retries once fixed).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ActivityRetryFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait after the <paramref name="attempt"/>th failed try: doubling from the first interval, capped.</summary>
    public TimeSpan RetryWait(int attempt)
    {
        var wait = ActivityRetryFirstInterval * Math.Pow(2, Math.Min(Math.Max(attempt - 1, 0), 30));
        return wait < ActivityRetryMaxInterval ? wait : ActivityRetryMaxInterval;
    }
}
