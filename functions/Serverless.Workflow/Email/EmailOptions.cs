using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Email;

/// <summary>Outgoing mail through SendGrid (docs/architecture.md, Email).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required]
    public string SendGridApiKey { get; set; } = "";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "남동클러스터 기업성장지원";

    /// <summary>The base of every link in a mail (https://… in Azure, the local host's URL locally).</summary>
    [Required]
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Where the SendGrid client sends; unset means SendGrid itself. Locally, the host's capture endpoint.</summary>
    public Uri? SendGridHost { get; set; }

    /// <summary>Programme staff who get the admin mails (unmatched tasks, overdue work, failures).</summary>
    public List<string> AdminAddresses { get; set; } = [];

    /// <summary>How many times one send tries SendGrid when it throttles (429) or fails (5xx), within the activity.</summary>
    [Range(1, 10)]
    public int SendAttempts { get; set; } = 3;

    /// <summary>
    /// The longest a send waits for SendGrid's Retry-After before trying again itself; a longer wait is left to the
    /// activity's retries (which back off to minutes), so an activity never sits for long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An absolute link; a path on the base URL (https://host/app) is kept.</summary>
    public string Link(string path) => PublicBaseUrl!.ToString().TrimEnd('/') + "/" + path.TrimStart('/');
}
