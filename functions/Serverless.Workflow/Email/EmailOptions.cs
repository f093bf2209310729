using System.ComponentModel.DataAnnotations;

namespace Serverless.Workflow.Email;

/// <summary>Outgoing mail through SendGrid (ARCHITECTURE.md, Email).</summary>
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

    /// <summary>An absolute link; a path on the base URL (https://host/app) is kept.</summary>
    public string Link(string path) => PublicBaseUrl!.ToString().TrimEnd('/') + "/" + path.TrimStart('/');
}
