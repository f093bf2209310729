using System.Globalization;
using System.Net;

namespace Serverless.Workflow.Email;

/// <summary>How values are written into mails and link pages.</summary>
public static class TextFormats
{
    /// <summary>HTML-encoded, line breaks kept.</summary>
    public static string Html(string value) => WebUtility.HtmlEncode(value).ReplaceLineEndings("<br>");

    /// <summary>A moment as people read it in a mail or on a page.</summary>
    public static string Utc(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
